/**
 * @module End to end, in headless Chromium against a real server: a change made on disk shown instead of
 * overwritten, a hand-written flow saved unchanged, a rule built and its pattern tested, and the flow list's
 * actions.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { formatFlow } from '../../engine/flow/canonical.js';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  // The story-1 flow, run once, for the rule's target and the list's last execution.
  const story = JSON.parse(await readFile(join(root, 'test/e2e/fixtures/story-1.flow.json'), 'utf8'));
  const created = await session.server.api('/flows', { method: 'POST', body: { id: 'alarm-to-wecom', document: story } });
  expect(created.status).toBe(201);
  const run = await session.server.api('/flows/alarm-to-wecom/dry-run', { method: 'POST', body: {} });
  expect(run.json.status).toBe('succeeded');
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the visual editor: files, rules and the flow list', () => {
  it('shows a change made on disk while there are unsaved changes, and loads it on request', async () => {
    const { page, server, field, fileText } = session;
    await copyFile(join(root, 'flows/alarm-to-wecom.flow.json'), join(server.flowsDir, 'changed-on-disk.flow.json'));
    await expect.poll(async () => (await server.api('/flows/changed-on-disk')).status).toBe(200);
    await page.goto(`${server.url}/#/flows/changed-on-disk`);
    await field('Flow name').fill('Edited in the browser');
    await page.locator('.toolbar .dirty-note').waitFor();
    const onDisk = JSON.parse(await fileText('changed-on-disk'));
    onDisk.name = 'Renamed on disk';
    await writeFile(join(server.flowsDir, 'changed-on-disk.flow.json'), formatFlow(onDisk, createAppRegistry()));
    const banner = page.getByRole('alert').filter({ hasText: 'The file was changed on disk after you opened it.' });
    await banner.waitFor({ timeout: 15_000 });
    expect(JSON.parse(await fileText('changed-on-disk')).name).toBe('Renamed on disk');
    await banner.getByRole('button', { name: 'Load the file from disk' }).click();
    await expect.poll(() => page.locator('.toolbar h1').textContent()).toBe('Renamed on disk');
    await expect.poll(() => page.locator('.toolbar .dirty-note').count()).toBe(0);
  }, 60_000);

  it('opens a hand-written flow with nothing to publish, and publishes it back byte for byte', async () => {
    const { page, server, button, field, fileText } = session;
    await copyFile(join(root, 'flows/alarm-to-wecom.flow.json'), join(server.flowsDir, 'hand-written.flow.json'));
    await expect.poll(async () => (await server.api('/flows/hand-written')).status).toBe(200);
    const before = await fileText('hand-written');
    await page.goto(`${server.url}/#/flows/hand-written`);
    await button('Step send-guard').waitFor();
    expect(await button('Publish').isDisabled()).toBe(true);
    const name = await field('Flow name').inputValue();
    await field('Flow name').fill('Changed for a while');
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    expect(JSON.parse(await fileText('hand-written')).name).toBe('Changed for a while');
    await field('Flow name').fill(name);
    await button('Publish').click();
    await expect.poll(() => fileText('hand-written')).toBe(before);
  }, 60_000);

  it('creates a rule routing CVM events to the flow, tests its pattern against a template and saves it', async () => {
    const { page, server, button } = session;
    await page.goto(`${server.url}/#/rules`);
    await page.getByText('No rules yet').waitFor();
    await button('New rule').click();
    const dialog = page.getByRole('dialog', { name: 'New rule' });
    await dialog.getByLabel('Rule name').fill('CVM alarms');
    await expect.poll(() => dialog.getByLabel('Rule id').inputValue()).toBe('cvm-alarms');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await page.getByLabel('Edit as JSON').check();
    await page.getByLabel('Pattern JSON').fill('{"source": ["cos.cloud.tencent"]}');
    await page.getByLabel('Event template').selectOption({ label: 'CVM - instance reboot' });
    await button('Test pattern').click();
    const result = page.getByRole('status', { name: 'Pattern test result' });
    await expect.poll(() => result.textContent()).toMatch(/^The pattern does not match this event\.\/source/);
    expect(await result.textContent()).toContain('"cvm.cloud.tencent" does not match ["cos.cloud.tencent"]');

    await page.getByLabel('Pattern JSON').fill('{"source": ["cvm.cloud.tencent"]}');
    await button('Test pattern').click();
    await expect.poll(() => result.textContent()).toBe('The pattern matches this event.');

    await button('+ Add target').click();
    await page.getByLabel('Flow', { exact: true }).selectOption('alarm-to-wecom');
    await page.getByLabel('Target id').fill('to-wecom');
    await expect.poll(() => page.locator('.rule-page .problem-count').textContent()).toBe('No problems');
    await button('Save rule').click();
    await page.getByText('Saved the rule file.').waitFor();
    const rule = JSON.parse(await readFile(join(server.flowsDir, 'cvm-alarms.rule.json'), 'utf8'));
    expect(rule).toMatchObject({
      name: 'CVM alarms',
      bus: 'default',
      enabled: true,
      pattern: { source: ['cvm.cloud.tencent'] },
      targets: [{ id: 'to-wecom', type: 'flow', config: { flow: 'alarm-to-wecom' } }],
    });
    await page.getByRole('link', { name: '← Rules' }).click();
    await page.getByRole('row').filter({ hasText: 'CVM alarms' }).getByText('Enabled').waitFor();
  }, 60_000);

  it('lists flows with their status and last run, and duplicates, renames and deletes them', async () => {
    const { page, server, fileText } = session;
    await page.goto(server.url);
    const row = page.getByRole('row').filter({ hasText: 'flows/alarm-to-wecom.flow.json' });
    await row.getByText('Published').waitFor();
    await row.getByText('succeeded').waitFor();
    await row.getByRole('button', { name: 'Duplicate alarm-to-wecom' }).click();
    await page.getByText('Duplicated alarm-to-wecom as alarm-to-wecom-copy.').waitFor();
    await page.getByRole('button', { name: 'Rename alarm-to-wecom-copy' }).click();
    const rename = page.getByRole('dialog', { name: /^Rename / });
    await rename.getByLabel('Flow name').fill('Alarm to DingTalk');
    await rename.getByLabel('Flow id').fill('alarm-to-dingtalk');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('link', { name: 'Alarm to DingTalk' }).waitFor();
    expect(JSON.parse(await fileText('alarm-to-dingtalk')).name).toBe('Alarm to DingTalk');
    expect((await server.api('/flows/alarm-to-wecom-copy')).status).toBe(404);
    await page.getByRole('button', { name: 'Delete alarm-to-dingtalk' }).click();
    await page.getByRole('dialog', { name: 'Delete Alarm to DingTalk?' }).getByRole('button', { name: 'Delete flow' }).click();
    await page.getByText('Deleted flows/alarm-to-dingtalk.flow.json.').waitFor();
    expect((await server.api('/flows/alarm-to-dingtalk')).status).toBe(404);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
