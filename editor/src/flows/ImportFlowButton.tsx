/**
 * @module A button that opens the browser's file picker for one flow file and hands over its name and text.
 */
import { useRef } from 'react';

export function ImportFlowButton({ label, onFile }: { label: string; onFile: (fileName: string, text: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void file.text().then((text) => onFile(file.name, text));
        }}
      />
    </>
  );
}
