/**
 * @module A small spinner with a text for screen readers, for anything that waits on the server.
 */
import { useTranslation } from '../i18n/i18n.js';

export function Spinner({ label, inline = false }: { label?: string; inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={inline ? 'spinner spinner-inline' : 'spinner'} role="status" aria-live="polite">
      <span className="spinner-wheel" aria-hidden="true" />
      <span className={inline ? 'visually-hidden' : 'spinner-text'}>{label ?? t('common.loading')}</span>
    </span>
  );
}
