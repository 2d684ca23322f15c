/**
 * @module End to end, in headless Chromium against a real server: story 1 built by clicking in the editor
 * and saved byte-identical to the canonical file, saved again unchanged, run with the "CVM - instance
 * reboot" template, a broken expression shown on its field and step, and steps moved by keys and by drag.
 */
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { formatFlow } from '../../engine/flow/canonical.js';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

const SAMPLE_EVENT = {
  specversion: '1.0',
  id: '6f1c2a9e-1b7d-4c55-9a43-0d6e2b7f8a10',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:GuestReboot',
  subject: 'ins-sjksjk',
  time: 1615430559146,
  region: 'ap-guangzhou',
  status: '1',
  data: { instanceId: 'ins-sjksjk' },
};
const BODY_EXPRESSION = "{ 'region': payload.region, 'subject': payload.subject, 'type': payload.type, 'requestId': payload.id }";
const MARKDOWN_TEMPLATE =
  '<font color="warning">收到告警信息，请及时处理</font>\n> 实例 ID: <font color="comment">{{ vars.body.subject }}</font>\n' +
  '> 地域: <font color="comment">{{ vars.body.region }}</font>\n> 事件名称: <font color="comment">{{ vars.body.type }}</font>';
const LOG_TEMPLATE = 'alarm {{ vars.body.requestId }} on {{ vars.body.subject }} not sent: {{ error.type }} {{ error.message }}';
const DESCRIPTION =
  'Story 1: a cloud alarm event becomes a markdown message in the team\'s WeCom group (robot connection "ops-wecom"). ' +
  'A failed send is logged at ERROR level in category ebtest. The WeCom, DingTalk and Feishu variants differ only in the send step.';

let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the visual editor: story 1', () => {
  it('builds the story-1 flow by clicking and saves it byte-identical to the canonical file', async () => {
    const { page, server, panel, field, button, addStep, useExpression, fileText } = session;
    await page.goto(server.url);
    await page.getByText('No flows yet').waitFor();
    await button('Create your first flow').click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByLabel('Flow name').fill('Cloud alarm to the WeCom group');
    await expect.poll(() => dialog.getByLabel('Flow id').inputValue()).toBe('cloud-alarm-to-the-wecom-group');
    await dialog.getByLabel('Flow id').fill('alarm-to-wecom');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await field('Description').fill(DESCRIPTION);
    await button('Choose a trigger').click();
    await page.getByRole('dialog', { name: 'Choose a trigger' }).getByRole('button', { name: 'Event', exact: true }).click();
    await field('Trigger id').fill('on-alarm');
    await field('Bus').fill('default');
    await field('Sample event').fill(JSON.stringify(SAMPLE_EVENT, null, 2));

    await addStep('Add a step after on-alarm', 'set var', 'Set Variable');
    await field('Step id').fill('body');
    await field('Display name').fill('Keep region, resource, type and request id');
    await field('Name').fill('body');
    await useExpression('Value', 'expr', BODY_EXPRESSION);
    const preview = panel().getByLabel('Preview of Value');
    await expect.poll(async () => JSON.parse((await preview.textContent()) ?? 'null')).toEqual({
      region: 'ap-guangzhou',
      subject: 'ins-sjksjk',
      type: 'cvm:ErrorEvent:GuestReboot',
      requestId: SAMPLE_EVENT.id,
    });

    await addStep('Add a step after body', 'variable', 'Set Variable');
    await field('Step id').fill('markdown');
    await field('Display name').fill('Build the message');
    await field('Name').fill('markdown');
    await useExpression('Value', 'template', MARKDOWN_TEMPLATE);

    await addStep('Add a step after markdown', 'try', 'Try');
    await field('Step id').fill('send-guard');
    await button('Catch catch').click();
    await field('Branch id').fill('on-any-error');
    await field('Error types').fill('ANY');

    await addStep('Add a step to Catch on-any-error', 'log', 'Logger');
    await field('Step id').fill('log-error');
    await field('Level').selectOption('ERROR');
    await field('Category').fill('ebtest');
    await useExpression('Content', 'template', LOG_TEMPLATE);

    await addStep('Add a step to Try of send-guard', 'wecom', 'WeCom Robot');
    await field('Step id').fill('send');
    await field('Display name').fill('Send to the WeCom robot');
    await panel().getByRole('button', { name: 'New connection' }).click();
    const connection = page.getByRole('dialog', { name: 'New WeCom group robot connection' });
    await connection.getByLabel('Connection name').fill('ops-wecom');
    await connection.getByLabel('Webhook URL').fill('http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e');
    await connection.getByRole('button', { name: 'Create connection' }).click();
    await expect.poll(() => field('Connection').inputValue()).toBe('ops-wecom');
    await field('Message type').selectOption('markdown');
    await useExpression('Content', 'expr', 'vars.markdown');

    await expect.poll(() => page.getByRole('status').filter({ hasText: /problem/ }).textContent()).toBe('No problems');
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    const expected = await readFile(join(root, 'test/e2e/fixtures/story-1.flow.json'), 'utf8');
    expect(formatFlow(JSON.parse(expected), createAppRegistry())).toBe(expected);
    expect(await fileText('alarm-to-wecom')).toBe(expected);

    // A new flow is served once published; Unpublish turns that off, and Publish on again.
    await page.locator('.toolbar [data-status="published"]').waitFor();
    await button('Unpublish').click();
    await page.locator('.toolbar [data-status="unpublished"]').waitFor();
    expect((await server.api('/flows/alarm-to-wecom')).json.status).toBe('unpublished');
    await button('Publish').click();
    await page.locator('.toolbar [data-status="published"]').waitFor();
    expect((await server.api('/flows/alarm-to-wecom')).json.status).toBe('published');
  }, 120_000);

  it('keeps the file byte for byte after an edit is undone, with no draft left behind', async () => {
    const { page, field, button, fileText, server } = session;
    const before = await fileText('alarm-to-wecom');
    await page.reload();
    await button('Step body').click();
    await field('Display name').fill('Something else');
    await page.locator('.toolbar .dirty-note').waitFor();
    await page.locator('.flow-canvas').click({ position: { x: 40, y: 300 } });
    await button('Undo').click();
    await expect.poll(() => page.locator('.toolbar .dirty-note').count()).toBe(0);
    await page.keyboard.press('Control+s');
    await page.getByText('Draft saved.').waitFor();
    await page.locator('.toolbar .published-note').waitFor();
    expect(await fileText('alarm-to-wecom')).toBe(before);
    expect((await server.api('/flows/alarm-to-wecom/draft')).status).toBe(404);
  }, 60_000);

  it('runs the flow with the CVM instance reboot template and shows each step on the canvas', async () => {
    const { page, panel, button } = session;
    await page.getByRole('tab', { name: 'Test run' }).click();
    await page.getByLabel('Test input', { exact: true }).selectOption({ label: 'Template: CVM - instance reboot' });
    const input = JSON.parse(await page.getByLabel('Test input JSON').inputValue());
    expect(input).toMatchObject({ source: 'cvm.cloud.tencent', subject: 'ins-sjksjk', region: 'ap-guangzhou' });
    await button('Run test').click();
    const result = page.getByRole('region', { name: 'Run result' });
    await result.locator('[data-status="succeeded"]').first().waitFor();

    const status = (id: string) => page.locator(`.react-flow [data-step-id="${id}"]`).getAttribute('data-status');
    expect(await status('body')).toBe('succeeded');
    expect(await status('markdown')).toBe('succeeded');
    expect(await status('send-guard')).toBe('succeeded');
    expect(await status('send')).toBe('stubbed');
    expect(await status('log-error')).toBe('not-run');
    await expect.poll(() => page.locator('.react-flow [data-step-id="body"] .run-badge').textContent()).toMatch(/Succeeded · [\d.]+ ms/);

    await button('Step markdown').click();
    const output = JSON.parse((await panel().getByLabel('Step output').textContent()) ?? '{}');
    expect(output.vars.markdown).toContain('> 实例 ID: <font color="comment">ins-sjksjk</font>');
    expect(JSON.parse((await panel().getByLabel('Step input').textContent()) ?? '{}').vars.body.region).toBe('ap-guangzhou');

    await button('Step send').click();
    const sent = JSON.parse((await panel().getByLabel('Step config sent').textContent()) ?? '{}');
    expect(sent).toMatchObject({ connection: 'ops-wecom', msgType: 'markdown' });
    expect(sent.content).toContain('事件名称: <font color="comment">cvm:ErrorEvent:');
    await button('Step body').click();
    const value = panel().getByLabel('Preview of Value');
    await expect.poll(async () => JSON.parse((await value.textContent()) ?? 'null')?.subject).toBe('ins-sjksjk');
    await value.scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.banner').count(), { timeout: 6000 }).toBe(0);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.waitForTimeout(300);
    // The README's picture is only rewritten on request, so a test run leaves the work tree clean.
    const picture = process.env.FLOWBUS_UPDATE_SCREENSHOT ? join(root, 'docs/editor.png') : join(tmpdir(), 'flowbus-editor.png');
    await page.screenshot({ path: picture });
    expect((await stat(picture)).size).toBeGreaterThan(10_000);

    await page.getByRole('tab', { name: 'Executions' }).click();
    const executions = page.getByRole('region', { name: 'Executions' });
    await executions.getByRole('button', { name: /^Open execution / }).first().waitFor();
    expect(await executions.getByText('test run').count()).toBeGreaterThan(0);
  }, 60_000);

  it('shows a broken expression on its field as you type, and the server\'s issue on the field and the step', async () => {
    const { page, panel, button } = session;
    await button('Step body').click();
    const editor = panel().getByRole('textbox', { name: 'Value', exact: true });
    await editor.fill("{ 'region': payload.region, ");
    const syntax = panel().getByRole('alert');
    await expect.poll(() => syntax.textContent()).toMatch(/^expression syntax error at line 1, column \d+: /);
    const badge = page.locator('.react-flow [data-step-id="body"] .issue-badge');
    await expect.poll(() => badge.textContent(), { timeout: 5000 }).toBe('1');
    await expect.poll(() => page.locator('[data-field="value"] [data-issue-code="expression-syntax"]').count()).toBe(1);
    await button('Publish').click();
    await page.getByText(/^Not published: /).waitFor();
    await button('Undo').click();
    await expect.poll(() => badge.count()).toBe(0);
  }, 60_000);

  it('moves steps with the keyboard and by dragging, deletes one, and undoes each change', async () => {
    const { page, button } = session;
    const stepAt = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-step-id]`).first().getAttribute('data-step-id');
    await button('Step markdown').click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => stepAt('/steps/0')).toBe('markdown');
    await page.keyboard.press('Control+z');
    await expect.poll(() => stepAt('/steps/0')).toBe('body');

    const from = (await button('Step body').boundingBox())!;
    const to = (await button('Add a step after send').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => stepAt('/steps/1/steps/1')).toBe('body');
    expect(await stepAt('/steps/0')).toBe('markdown');
    await button('Undo').click();
    await expect.poll(() => stepAt('/steps/0')).toBe('body');

    await button('Step log-error').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => button('Step log-error').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await button('Step log-error').waitFor();
    await expect.poll(() => page.locator('.toolbar .dirty-note').count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
