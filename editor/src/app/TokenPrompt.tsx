/**
 * @module Asks for the management API token when the server requires one, and keeps it in this browser.
 */
import { useId, useState } from 'react';
import { storeToken } from '../api/client.js';
import { useTranslation } from '../i18n/i18n.js';
import { Dialog } from '../ui/Dialog.js';

export function TokenPrompt({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [token, setToken] = useState('');
  const submit = () => {
    storeToken(token.trim());
    onDone();
  };
  return (
    <Dialog
      title={t('app.tokenTitle')}
      onClose={onDone}
      footer={
        <button type="button" className="button button-primary" onClick={submit} disabled={token.trim() === ''}>
          {t('app.useToken')}
        </button>
      }
    >
      <p>{t('app.tokenText')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('app.tokenLabel')}</label>
          <input id={id} type="password" value={token} autoFocus onChange={(event) => setToken(event.target.value)} />
        </div>
      </form>
    </Dialog>
  );
}
