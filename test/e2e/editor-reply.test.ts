/**
 * @module End to end, in headless Chromium against a real server: an HTTP flow's reply set in the trigger's
 * form (a status, a body expression) and shown by the test run; the problems list, whose lines select their
 * step and focus its field; a warning for a Logger reading `error.message` outside a Catch; a failed test
 * run that names its step and shows the error reply.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;

const orders = {
  format: 'flowbus/flow@1',
  name: 'Accept an order',
  trigger: { id: 'receive', type: 'http', config: { path: '/orders' } },
  steps: [
    { id: 'shape', type: 'set-payload', config: { value: { $expr: '{ "id": payload.id }' } } },
    { id: 'audit', type: 'logger', config: { content: { $expr: 'error.message' } } },
  ],
};

const refusing = {
  format: 'flowbus/flow@1',
  name: 'Refuse an order',
  trigger: { id: 'receive', type: 'http', config: { path: '/refuse' } },
  steps: [{ id: 'reject', type: 'raise-error', config: { errorType: 'ORDER:INVALID', message: 'no order' } }],
};

beforeAll(async () => {
  session = await startEditorSession();
  for (const [id, document] of [['orders', orders], ['refusing', refusing]] as const) {
    const created = await session.server.api('/flows', { method: 'POST', body: { id, document } });
    expect(created.status).toBe(201);
  }
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

/** The `data-field` names from the property panel down to the focused element. */
const focusedFieldPath = () =>
  session.page.evaluate(() => {
    const names: string[] = [];
    for (let node = document.activeElement?.closest('[data-field]'); node; node = node.parentElement?.closest('[data-field]') ?? null) {
      names.unshift(node.getAttribute('data-field')!);
    }
    return names;
  });

describe('the visual editor: the reply and the problems list', () => {
  it('sets a reply status and body expression, and sees them in the test run result', async () => {
    const { page, server, panel, button } = session;
    await page.goto(`${server.url}/#/flows/orders`);
    await button('Trigger receive').click();
    const reply = panel().getByRole('group', { name: 'Response' });
    await reply.locator('summary').click();
    await reply.getByLabel('Status', { exact: true }).fill('201');
    await session.useExpression('Body', 'expr', '{ "accepted": payload.id, "by": attributes.method }');
    await page.getByRole('tab', { name: 'Test run' }).click();
    const json = page.getByLabel('Test input JSON');
    await page.getByLabel('Send the input as').selectOption('message');
    await json.fill(JSON.stringify({ payload: { id: 'o-7' }, attributes: { method: 'POST' } }));
    await button('Run test').click();

    const shown = page.getByRole('region', { name: 'Reply' });
    await expect.poll(() => shown.getByLabel('Status', { exact: true }).textContent()).toBe('201');
    expect(JSON.parse((await shown.getByLabel('Body', { exact: true }).textContent())!)).toEqual({ accepted: 'o-7', by: 'POST' });
    expect(await shown.getByLabel('Headers', { exact: true }).textContent()).toContain('application/json; charset=utf-8');
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

  it('warns about error.message in a Logger outside a Catch, and the list lands on its field', async () => {
    const { page, button } = session;
    await button('Step shape').click();
    const count = page.locator('button.problem-count');
    await expect.poll(() => count.textContent()).toBe('No problems · 1 warning');
    await count.click();
    const list = page.getByRole('region', { name: 'Problems and warnings' });
    const warning = list.locator('[data-issue-code="error-outside-catch"]');
    expect(await warning.textContent()).toContain('step audit · content');
    expect(await warning.textContent()).toContain('reads `error` outside a Catch handler');
    await warning.click();
    await expect.poll(focusedFieldPath).toEqual(['content']);
    await page.getByRole('region', { name: 'Step audit properties' }).locator('.field-warning').waitFor();
    expect(await page.locator('.react-flow .step-card[data-step-id="audit"]').getAttribute('class')).toContain('selected');
    // A warning never blocks a publish.
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    const saved = JSON.parse(await session.fileText('orders'));
    expect(saved.trigger.config.response).toEqual({ status: 201, body: { $expr: '{ "accepted": payload.id, "by": attributes.method }' } });
  }, 60_000);

  it('names the step a test run failed in, shows the error reply, and goes to the step', async () => {
    const { page, server, button } = session;
    await page.goto(`${server.url}/#/flows/refusing`);
    await page.getByRole('tab', { name: 'Test run' }).click();
    await page.getByLabel('Send the input as').selectOption('message');
    await page.getByLabel('Test input JSON').fill('{"payload": {}}');
    await button('Run test').click();
    const error = page.getByRole('group', { name: 'Run error' });
    await expect.poll(() => error.textContent()).toContain('no order (step reject)');
    const reply = page.getByRole('region', { name: 'Reply' });
    expect(await reply.getByLabel('Status', { exact: true }).textContent()).toBe('500');
    expect(JSON.parse((await reply.getByLabel('Body', { exact: true }).textContent())!)).toMatchObject({ error: { type: 'ORDER:INVALID', step: 'reject' } });
    await error.getByRole('button', { name: 'Error in step reject' }).click();
    await page.getByRole('region', { name: 'Step reject properties' }).waitFor();
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

  it('lists a bad reply header as a problem; clicking it selects the trigger and focuses the header', async () => {
    const { page, server, panel, button } = session;
    await page.goto(`${server.url}/#/flows/orders`);
    await button('Trigger receive').click();
    const headers = panel().getByRole('group', { name: 'Headers' });
    await headers.getByRole('button', { name: '+ Add a row' }).click();
    await headers.getByLabel('Headers: name of row 1').fill('X Order');
    await expect.poll(() => page.locator('button.problem-count').textContent()).toBe('1 problem · 1 warning');
    await button('Step shape').click();
    await page.locator('button.problem-count').click();
    const problem = page.getByRole('region', { name: 'Problems and warnings' }).locator('[data-issue-code="invalid-value"]');
    expect(await problem.textContent()).toContain('invalid header name "X Order"');
    await problem.click();
    await page.getByRole('region', { name: 'Trigger receive properties' }).waitFor();
    await expect.poll(focusedFieldPath).toEqual(['response', 'headers', 'X Order']);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

});
