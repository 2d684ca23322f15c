/**
 * @module End to end, in headless Chromium against a real server: the flow as a file from the flow's panel —
 * a read-only JSON view of the draft, an export that downloads it with unsaved changes included — and a Try
 * with its steps copied into another flow through the clipboard, ids made unique.
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

describe('the visual editor: the flow as a file', () => {
  it('shows the draft as read-only JSON and exports it as <id>.flow.json', async () => {
    const { page, server, field, panel, button } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step body').waitFor();
    await field('Flow name').fill('Exported with an edit');
    await panel().getByText('Flow JSON (read-only)').click();
    const view = JSON.parse((await panel().getByLabel('Flow JSON').textContent()) ?? '{}');
    expect(view).toMatchObject({ name: 'Exported with an edit', trigger: { id: 'on-alarm' } });
    expect(view.steps.map((step: { id: string }) => step.id)).toEqual(['body', 'markdown', 'send-guard']);

    const downloading = page.waitForEvent('download');
    await panel().getByRole('button', { name: 'Export flow file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('alarm-to-wecom.flow.json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported).toEqual(view);
    const check = await server.api('/flows/validate', { method: 'POST', body: { document: exported, id: 'alarm-to-wecom' } });
    expect(check.json).toEqual({ valid: true, issues: [], warnings: [] });
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

  it('copies a Try with its steps into another flow through the clipboard, ids made unique', async () => {
    const { page, server, button, fileText } = session;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const other = {
      format: 'flowbus/flow@1',
      name: 'Other',
      trigger: { id: 'request', type: 'http', config: { path: '/other' } },
      steps: [{ id: 'hello', type: 'set-payload', config: { value: 'hello' } }],
    };
    expect((await server.api('/flows', { method: 'POST', body: { id: 'other', document: other } })).status).toBe(201);
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await page.reload();
    await button('Step send-guard').click();
    await page.keyboard.press('Control+c');
    await page.getByText('Copied step send-guard.').waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.format).toBe('flowbus/steps@1');
    expect(copied.steps[0]).toMatchObject({ id: 'send-guard', type: 'try', steps: [{ id: 'send' }] });

    await page.goto(`${server.url}/#/flows/other`);
    await button('Step hello').click();
    await page.keyboard.press('Control+v');
    await button('Step send-guard').waitFor();
    await button('Step hello').click();
    await page.keyboard.press('Control+v');
    await button('Step send-guard-2').waitFor();
    expect(await button('Step log-error-2').count()).toBe(1);
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    const saved = JSON.parse(await fileText('other'));
    expect(saved.steps.map((step: { id: string }) => step.id)).toEqual(['hello', 'send-guard-2', 'send-guard']);
    expect(saved.steps[1].steps[0]).toMatchObject({ id: 'send-2', type: 'wecom-robot' });
    expect(saved.steps[1].catch[0].steps[0]).toMatchObject({ id: 'log-error-2', type: 'logger' });
    expect(saved.steps[2].catch[0]).toMatchObject({ id: 'on-any-error', config: { errorTypes: ['ANY'] } });
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
