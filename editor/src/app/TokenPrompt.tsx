/**
 * @module Asks for the management API token when the server requires one, and keeps it in this browser.
 */
import { useId, useState } from 'react';
import { storeToken } from '../api/client.js';
import { Dialog } from '../ui/Dialog.js';

export function TokenPrompt({ onDone }: { onDone: () => void }) {
  const id = useId();
  const [token, setToken] = useState('');
  const submit = () => {
    storeToken(token.trim());
    onDone();
  };
  return (
    <Dialog
      title="API token required"
      onClose={onDone}
      footer={
        <button type="button" className="button button-primary" onClick={submit} disabled={token.trim() === ''}>
          Use this token
        </button>
      }
    >
      <p>This flowbus server asks for a token (its authToken setting). It is kept in this browser only.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={id}>API token</label>
          <input id={id} type="password" value={token} autoFocus onChange={(event) => setToken(event.target.value)} />
        </div>
      </form>
    </Dialog>
  );
}
