/**
 * @module End to end, in headless Chromium against a real server: the flow as a file from the flow's panel —
 * a read-only JSON view of the draft, and an export that downloads it with unsaved changes included.
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
    expect(check.json).toEqual({ valid: true, issues: [] });
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
