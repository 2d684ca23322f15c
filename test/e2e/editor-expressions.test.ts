/**
 * @module End to end, in headless Chromium against a real server: an expression built by picking from the
 * f(x) editor's completion list, functions offered with their signatures, problems underlined where they are.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  const story = JSON.parse(await readFile(join(root, 'test/e2e/fixtures/story-1.flow.json'), 'utf8'));
  const created = await session.server.api('/flows', { method: 'POST', body: { id: 'alarm-to-wecom', document: story } });
  expect(created.status).toBe(201);
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the visual editor: the expression editor', () => {
  it('builds payload.subject by picking it from the completion list, and previews it', async () => {
    const { page, server, panel, button } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step body').click();
    const editor = panel().getByRole('textbox', { name: 'Value', exact: true });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type('pay');
    const options = page.locator('.cm-tooltip-autocomplete [role="option"]');
    await options.filter({ hasText: 'payload' }).first().click();
    await page.keyboard.type('.');
    await options.filter({ hasText: 'region' }).first().waitFor();
    expect(await options.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('subject')]));
    await options.filter({ hasText: 'subject' }).first().click();
    await expect.poll(() => editor.textContent()).toBe('payload.subject');
    const preview = panel().getByLabel('Preview of Value');
    await expect.poll(() => preview.textContent()).toBe('"ins-sjksjk"');
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    const saved = JSON.parse(await session.fileText('alarm-to-wecom'));
    expect(saved.steps[0].config.value).toEqual({ $expr: 'payload.subject' });
  }, 60_000);

  it('offers functions with their signature, variables of earlier steps, and underlines a problem', async () => {
    const { page, panel, button } = session;
    await button('Step markdown').click();
    // The step's value is a template; this test writes a JSONata expression.
    await session.field('Value expression kind').selectOption('expr');
    const editor = panel().getByRole('textbox', { name: 'Value', exact: true });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('$upp');
    const options = page.locator('.cm-tooltip-autocomplete [role="option"]');
    const uppercase = options.filter({ hasText: '$uppercase' }).first();
    await uppercase.waitFor();
    expect(await uppercase.textContent()).toContain('$uppercase(str)');
    await uppercase.click();
    await expect.poll(() => editor.textContent()).toBe('$uppercase(');
    await page.keyboard.type('vars.');
    await options.filter({ hasText: 'body' }).first().waitFor();
    expect(await options.filter({ hasText: 'markdown' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.textContent()).toBe('$uppercase(vars.');
    await page.locator('.cm-lintRange-error').first().waitFor();
    expect(await panel().getByRole('alert').textContent()).toMatch(/^expression syntax error at line 1, column \d+: /);
    await button('Undo').click();
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
