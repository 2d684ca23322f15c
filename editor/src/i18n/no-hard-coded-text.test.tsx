/**
 * @module Guards that the editor's UI speaks through i18next: no component shows text written into its JSX.
 * A failure names the file, line and text; put the text in a bundle (en and zh-CN) and show it with `t`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findHardCodedTexts, isTranslatable } from '../testing/hard-coded-text.js';

const EDITOR_SOURCE = fileURLToPath(new URL('..', import.meta.url));

/** The editor's components: every `.tsx` file but the tests. */
function componentFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return componentFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

const OFFENDING = `
export function Offending({ busy, id }: { busy: boolean; id: string }) {
  return (
    <section aria-label="Run settings">
      <h2>Test run</h2>
      <input placeholder="e.g. ops-group" title={'Pick one'} />
      <button>{busy ? 'Saving…' : t('save')}</button>
      <img alt={\`Icon of \${id}\`} />
      <Dialog confirmLabel="Delete flow" />
      <p>{id} 已保存</p>
    </section>
  );
}

function Waiting({ label = 'Loading…', emptyText = t('none') }: { label?: string; emptyText?: string }) {}
`;

const CLEAN = `
export function Clean({ id, value }: { id: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('run.settings')} className="run-settings" data-step-id={id}>
      <h2>{t('run.title')}</h2>
      <span aria-hidden="true">✓</span> <kbd>Ctrl+D</kbd> <code>{id}</code>.rule.json
      <button title="Alt+↑">{'{{ }}'} f(x) JSON</button>
      <textarea placeholder='{ "status": 500 }' />
      <pre>{JSON.stringify(value)}</pre>
      {t('run.count', { count: 2 })} · {\`\${id}-2\`}
    </section>
  );
}
`;

describe('hard-coded text in the editor', () => {
  it('finds text between tags, shown literals and literal text attributes, with their lines', () => {
    const found = findHardCodedTexts(OFFENDING, 'offending.tsx').map(({ line, where, text }) => [line, where, text]);
    expect(found).toEqual([
      [4, 'aria-label', 'Run settings'],
      [5, 'text', 'Test run'],
      [6, 'placeholder', 'e.g. ops-group'],
      [6, 'title', 'Pick one'],
      [7, 'text', 'Saving…'],
      [8, 'alt', 'Icon of'],
      [9, 'confirmLabel', 'Delete flow'],
      [10, 'text', '已保存'],
      [15, 'label default', 'Loading…'],
    ]);
  });

  it('leaves alone texts from t, symbols, key combinations, code, JSON and dotted names', () => {
    expect(findHardCodedTexts(CLEAN, 'clean.tsx')).toEqual([]);
    expect(isTranslatable('✓ → … · 12')).toBe(false);
    expect(isTranslatable('Loading…')).toBe(true);
  });

  it('finds none in the editor’s components', () => {
    const files = componentFiles(EDITOR_SOURCE);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      findHardCodedTexts(readFileSync(file, 'utf8'), relative(EDITOR_SOURCE, file)).map(
        ({ file: name, line, where, text }) => `${name}:${line} ${where}: ${text}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
