/**
 * @module A browser test session: the editor built, a real server with it, headless Chromium on a
 * 1280×800 page, console errors collected, and the page helpers the editor tests share.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startEditorServer, type EditorServer, type EditorServerOptions } from './editor-server.js';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs one of the repository's scripts with this Node; returns its last output line. */
function runScript(script: string): string {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script)], { encoding: 'utf8', cwd: root });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim().split('\n').pop() ?? '';
}

export interface EditorSession {
  server: EditorServer;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions of the page. */
  consoleErrors: string[];
  /** The property panel shown now. */
  panel(): Locator;
  /** A control in the property panel by its exact label. */
  field(label: string): Locator;
  button(name: string): Locator;
  /** Clicks a "+", searches the picker and picks a step type. */
  addStep(plus: string, search: string, title: string): Promise<void>;
  /** Turns on the f(x) switch of a field and types an expression or a template. */
  useExpression(title: string, kind: 'expr' | 'template', text: string): Promise<Locator>;
  fileText(id: string): Promise<string>;
  /** Saves a screenshot to the temp folder and prints where, with the end of the server log. */
  reportFailure(): Promise<void>;
  close(): Promise<void>;
}

export interface EditorSessionOptions extends EditorServerOptions {
  /** Chromium switches beside the usual ones, e.g. `--host-resolver-rules=MAP evil.example 127.0.0.1`. */
  browserArgs?: string[];
}

export async function startEditorSession(options: EditorSessionOptions = {}): Promise<EditorSession> {
  const executablePath = runScript('ensure-chromium.mjs');
  runScript('build-editor.mjs');
  const { browserArgs, ...serverOptions } = options;
  const server = await startEditorServer(join(root, 'editor/dist'), serverOptions);
  const args = [...CHROMIUM_ARGS, ...(browserArgs ?? [])];
  const browser = await chromium.launch({ executablePath, args });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Error answers of the API (a 422 for an invalid save) are logged by the browser as failed loads; the
    // tests check those answers themselves. Anything else is a bug.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
  const panel = () => page.locator('#side-panel-body [role="region"]:visible').first();
  const field = (label: string) => panel().getByLabel(label, { exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  return {
    server,
    browser,
    page,
    consoleErrors,
    panel,
    field,
    button,
    async addStep(plus, search, title) {
      await button(plus).click();
      const picker = page.getByRole('dialog', { name: 'Add a step' });
      await picker.getByLabel('Search step types').fill(search);
      await picker.getByRole('button', { name: title, exact: true }).click();
      await expect.poll(() => picker.count()).toBe(0);
    },
    async useExpression(title, kind, text) {
      await panel().getByRole('button', { name: `Expression for ${title}` }).click();
      if (kind === 'template') await field(`${title} expression kind`).selectOption('template');
      const editor = panel().getByRole('textbox', { name: title, exact: true });
      await editor.fill(text);
      return editor;
    },
    fileText: (id) => readFile(join(server.flowsDir, `${id}.flow.json`), 'utf8'),
    async reportFailure() {
      const path = join(tmpdir(), `flowbus-editor-failure-${Date.now()}.png`);
      await page.screenshot({ path }).catch(() => {});
      console.error(`screenshot of the failed editor test: ${path}\nserver log:\n${server.logs.slice(-15).join('\n')}`);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
