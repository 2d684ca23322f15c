/**
 * @module End to end, in headless Chromium against a real server: drafts and publishing — an edit survives a
 * reload as a draft marked unpublished, the draft's diff shows the changed field, Publish of an invalid draft
 * lists its problems and writes nothing, Publish of a valid one writes the file; and importing a flow file —
 * dropped on the canvas (step ids made unique) and picked on the flow list (id collision, problems shown).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;
let published: string;

beforeAll(async () => {
  session = await startEditorSession();
  const story = JSON.parse(await readFile(join(root, 'test/e2e/fixtures/story-1.flow.json'), 'utf8'));
  const created = await session.server.api('/flows', { method: 'POST', body: { id: 'alarm-to-wecom', document: story } });
  expect(created.status).toBe(201);
  published = await session.fileText('alarm-to-wecom');
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

/** A flow file with a step whose id the story flow uses already (`body`), and a second one. */
const IMPORTED = {
  format: 'flowbus/flow@1',
  name: 'Imported',
  trigger: { id: 'request', type: 'http', config: { path: '/imported' } },
  steps: [
    { id: 'body', type: 'set-variable', config: { name: 'imported', value: 1 } },
    { id: 'note', type: 'logger', config: { content: 'imported' } },
  ],
};

/** Drops a file on `target` as the browser does when one is dragged from the desktop. */
async function dropFile(target: Locator, name: string, text: string): Promise<void> {
  const dataTransfer = await session.page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    },
    { name, text },
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

describe('the visual editor: drafts and publishing', () => {
  it('keeps an edit as a draft across a reload, marked unpublished, and leaves the file alone', async () => {
    const { page, server, field, fileText } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await page.locator('.toolbar .published-note').waitFor();
    await field('Flow name').fill('Alarm, drafted');
    await page.getByText('Draft saved', { exact: true }).waitFor();
    await page.reload();
    await expect.poll(() => page.locator('.toolbar h1').textContent()).toBe('Alarm, drafted');
    expect(await page.locator('.toolbar .dirty-note').textContent()).toBe('Draft — unpublished changes');
    expect(await fileText('alarm-to-wecom')).toBe(published);
    expect((await server.api('/flows/alarm-to-wecom/draft')).json.document.name).toBe('Alarm, drafted');
  }, 60_000);

  it('shows the changed field in the diff of draft and published file', async () => {
    const { page, button } = session;
    await button('Compare with published').click();
    const dialog = page.getByRole('dialog', { name: 'Draft compared with the published file' });
    const item = dialog.locator('li.change-item').filter({ hasText: '/name' });
    await item.waitFor();
    expect(await item.locator('.change-kind').textContent()).toBe('Changed');
    expect(await item.locator('.change-subject').textContent()).toBe('Flow');
    expect(await item.getByLabel('Old value').textContent()).toBe('"Cloud alarm to the WeCom group"');
    expect(await item.getByLabel('New value').textContent()).toBe('"Alarm, drafted"');
    expect(await dialog.locator('li.change-item').count()).toBe(1);
    await page.keyboard.press('Escape');
  }, 60_000);

  it('refuses to publish an invalid draft, lists its problems, and writes nothing', async () => {
    const { page, server, field, button, fileText } = session;
    await button('Step body').click();
    await field('Name').fill('');
    await button('Publish').click();
    await page.getByText(/^Not published: the draft has \d+ problem\(s\)/).waitFor();
    await page.locator('[data-field="name"] .field-error, [data-field="name"] [data-issue-code]').first().waitFor();
    expect(await fileText('alarm-to-wecom')).toBe(published);
    const draft = (await server.api('/flows/alarm-to-wecom/draft')).json;
    expect(draft.document.steps[0].config.name).toBeUndefined();
  }, 60_000);

  it('publishes the draft once valid: the file is written, no draft is left, the header says so', async () => {
    const { page, server, field, button, fileText } = session;
    await field('Name').fill('body');
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    await page.locator('.toolbar .published-note').waitFor();
    expect(JSON.parse(await fileText('alarm-to-wecom')).name).toBe('Alarm, drafted');
    expect((await server.api('/flows/alarm-to-wecom/draft')).status).toBe(404);
    published = await fileText('alarm-to-wecom');
  }, 60_000);

  it('discards a draft: the editor shows the published file again', async () => {
    const { page, server, field, button } = session;
    await page.locator('.flow-canvas').click({ position: { x: 40, y: 300 } });
    await field('Flow name').fill('To be discarded');
    await page.getByText('Draft saved', { exact: true }).waitFor();
    await button('Discard draft').click();
    await page.getByRole('dialog', { name: 'Discard the draft?' }).getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => page.locator('.toolbar h1').textContent()).toBe('Alarm, drafted');
    await page.locator('.toolbar .published-note').waitFor();
    expect((await server.api('/flows/alarm-to-wecom/draft')).status).toBe(404);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

  it('never overwrites a draft another window wrote meanwhile, and loads it on request', async () => {
    const { page, server, field } = session;
    await field('Flow name').fill('This window');
    await page.getByText('Draft saved', { exact: true }).waitFor();
    const { json: draft } = await server.api('/flows/alarm-to-wecom/draft');
    const other = { document: { ...draft.document, name: 'Other window' }, baseVersion: draft.baseVersion };
    expect((await server.api('/flows/alarm-to-wecom/draft', { method: 'PUT', body: other })).status).toBe(200);
    await field('Flow name').fill('This window, again');
    const banner = page.getByRole('alert').filter({ hasText: 'The draft was changed in another window or tab' });
    await banner.waitFor();
    expect((await server.api('/flows/alarm-to-wecom/draft')).json.document.name).toBe('Other window');
    await banner.getByRole('button', { name: 'Load that draft' }).click();
    await expect.poll(() => page.locator('.toolbar h1').textContent()).toBe('Other window');
    await expect.poll(() => banner.count()).toBe(0);
    expect((await server.api('/flows/alarm-to-wecom/draft', { method: 'DELETE' })).status).toBe(204);
  }, 60_000);
});

describe('the visual editor: importing a flow file', () => {
  it('adds the steps of a file dropped on the canvas, a duplicate step id made unique', async () => {
    const { page, button } = session;
    await dropFile(page.locator('.canvas-area'), 'imported.flow.json', JSON.stringify(IMPORTED));
    const dialog = page.getByRole('dialog', { name: 'Import imported.flow.json' });
    await dialog.getByText('The file is a valid flow.').waitFor();
    await dialog.getByRole('button', { name: 'Add 2 steps' }).click();
    await page.getByText('Added 2 steps from imported.flow.json. Ids made unique: body → body-2.').waitFor();
    await button('Step body-2').waitFor();
    await button('Step note').waitFor();
    expect(await button('Step body').count()).toBe(1);
    await page.locator('.toolbar .dirty-note').waitFor();

    // The same file again, picked in the flow's panel: every id is taken now.
    await page.locator('.flow-canvas').click({ position: { x: 40, y: 300 } });
    await session.panel().locator('input[type="file"]').setInputFiles({
      name: 'imported.flow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(IMPORTED)),
    });
    await dialog.getByRole('button', { name: 'Add 2 steps' }).click();
    await page.getByText('Added 2 steps from imported.flow.json. Ids made unique: body → body-3, note → note-2.').waitFor();
    await button('Step note-2').waitFor();
  }, 60_000);

  it('imports a file with problems on the flow list as a draft, its ids made unique, problems listed', async () => {
    const { page, server, field, button } = session;
    await page.goto(server.url);
    await page.getByRole('row').filter({ hasText: 'flows/alarm-to-wecom.flow.json' }).waitFor();
    const broken = { ...IMPORTED, steps: [...IMPORTED.steps, { id: 'note', type: 'no-such-step' }] };
    await page.locator('input[type="file"]').setInputFiles({
      name: 'alarm-to-wecom.flow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const dialog = page.getByRole('dialog', { name: 'Import alarm-to-wecom.flow.json' });
    await dialog.getByText(/^The file has 2 problems/).waitFor();
    const issues = dialog.locator('.import-issues li');
    expect(await issues.filter({ hasText: '/steps/2/type' }).count()).toBe(1);
    expect(await issues.filter({ hasText: '/steps/2/id' }).count()).toBe(1);
    await dialog.getByText('Ids made unique: note → note-2.').waitFor();
    const id = dialog.getByLabel('Flow id');
    expect(await id.inputValue()).toBe('alarm-to-wecom-2');
    await id.fill('alarm-to-wecom');
    await dialog.getByText('A flow or draft "alarm-to-wecom" exists already: choose another id (suggested: alarm-to-wecom-2)').waitFor();
    expect(await dialog.getByRole('button', { name: 'Import as draft' }).isDisabled()).toBe(true);
    await id.fill('imported');
    await dialog.getByRole('button', { name: 'Import as draft' }).click();

    await expect.poll(() => new URL(page.url()).hash).toBe('#/flows/imported');
    expect(await page.locator('.toolbar .dirty-note').textContent()).toBe('Draft only — never published');
    await expect.poll(() => field('Flow name').inputValue()).toBe('Imported');
    await button('Step note-2').waitFor();
    expect((await server.api('/flows/imported')).status).toBe(404);
    await page.goto(server.url);
    const row = page.getByRole('row').filter({ hasText: 'flows/imported.flow.json' });
    await row.getByText('Draft only', { exact: true }).waitFor();
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
