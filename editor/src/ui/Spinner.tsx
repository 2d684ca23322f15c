/**
 * @module A small spinner with a text for screen readers, for anything that waits on the server.
 */

export function Spinner({ label = 'Loading…', inline = false }: { label?: string; inline?: boolean }) {
  return (
    <span className={inline ? 'spinner spinner-inline' : 'spinner'} role="status" aria-live="polite">
      <span className="spinner-wheel" aria-hidden="true" />
      <span className={inline ? 'visually-hidden' : 'spinner-text'}>{label}</span>
    </span>
  );
}
