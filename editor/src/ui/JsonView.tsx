/**
 * @module Read-only JSON, indented, for inputs, outputs and previews.
 */

/** JSON text of any value; `undefined` shows as a word, not as nothing. */
export function jsonText(value: unknown): string {
  if (value === undefined) return 'undefined (nothing selected)';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export function JsonView({ value, label, maxHeight = 260 }: { value: unknown; label: string; maxHeight?: number }) {
  return (
    <pre className="json-view" aria-label={label} tabIndex={0} style={{ maxHeight }}>
      {jsonText(value)}
    </pre>
  );
}
