/**
 * @module A JSON text input: the value changes only when the text parses; otherwise it says why not.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';

export interface JsonInputProps {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  describedBy?: string;
  rows?: number;
  placeholder?: string;
}

function toText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

export function JsonInput({ id, value, onChange, describedBy, rows = 5, placeholder }: JsonInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => toText(value));
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    // Follow outside changes (undo, another panel) unless the text already means the same value.
    setText((current) => {
      try {
        if (current.trim() !== '' && JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        return current;
      }
      return toText(value);
    });
  }, [value]);
  const errorId = `${id}-json-error`;
  return (
    <>
      <textarea
        id={id}
        className="code-input"
        rows={rows}
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[describedBy, problem ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === '') {
            setProblem(undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            setProblem(undefined);
            onChange(parsed);
          } catch (thrown) {
            setProblem(t('fields.notJsonYet', { message: (thrown as Error).message }));
          }
        }}
      />
      {problem ? (
        <p className="field-error" id={errorId}>
          {problem}
        </p>
      ) : null}
    </>
  );
}
