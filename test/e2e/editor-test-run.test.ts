/**
 * @module End to end, in headless Chromium against a real server: a test run with a mocked step walks the
 * Catch branch, and the setup is saved as a case of the flow's test file that the flow test runner passes;
 * an HTTP flow's sample request (method, path, query, headers, body) is kept there and chosen again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { runFlowTestFile } from '../../engine/flow-tests/index.js';
import { loadFlowCatalog } from '../../engine/runtime/catalog.js';
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

describe('the visual editor: test runs with mocks', () => {
  it('mocks the robot step to fail with WECOM:RATE_LIMITED, sees the Catch run, and saves the case', async () => {
    const { page, server, button } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step send-guard').waitFor();
    await page.getByRole('tab', { name: 'Test run' }).click();
    const mocks = page.getByRole('region', { name: 'Mocks' });
    await mocks.getByLabel('Mock step').selectOption('send');
    await mocks.getByRole('button', { name: 'Add mock' }).click();
    const mock = mocks.getByRole('group', { name: 'Mock of send' });
    await mock.getByLabel('Error type').fill('WECOM:RATE_LIMITED');
    await mock.getByLabel('Error message').fill('errcode 45009 (rate limited)');
    await button('Run test').click();

    const result = page.getByRole('region', { name: 'Run result' });
    await result.locator('[data-status="succeeded"]').first().waitFor();
    const status = (id: string) => page.locator(`.react-flow [data-step-id="${id}"]`).getAttribute('data-status');
    await expect.poll(() => status('log-error')).toBe('succeeded');
    expect(await status('send')).toBe('failed');
    expect(await result.getByRole('button', { name: /^Trace of send: / }).textContent()).toContain('WECOM:RATE_LIMITED');
    const log = await result.locator('.log-list').textContent();
    expect(log).toContain('ERROR');
    expect(log).toContain('not sent: WECOM:RATE_LIMITED errcode 45009 (rate limited)');

    const save = page.getByRole('region', { name: 'Save as test case' });
    await save.getByLabel('Test case name').fill('logs a rate-limited robot');
    await save.getByRole('button', { name: 'Save as test case' }).click();
    await save.getByText('Saved in flows/alarm-to-wecom.test.json.').waitFor();
    const file = join(server.flowsDir, 'alarm-to-wecom.test.json');
    const tests = JSON.parse(await readFile(file, 'utf8'));
    expect(tests.cases).toEqual([
      expect.objectContaining({
        name: 'logs a rate-limited robot',
        stubs: { send: { error: { type: 'WECOM:RATE_LIMITED', message: 'errcode 45009 (rate limited)' } } },
        expect: { status: 'succeeded', steps: ['body', 'markdown', 'send', 'log-error'] },
      }),
    ]);
    const catalog = await loadFlowCatalog([join(server.flowsDir, 'alarm-to-wecom.flow.json')], createAppRegistry());
    const run = await runFlowTestFile(file, catalog);
    expect(run.problems).toEqual([]);
    expect(run.cases.map((testCase) => testCase.failures)).toEqual([[]]);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

  it('refuses a mock with a malformed error type, naming the step', async () => {
    const { page, button } = session;
    const mock = page.getByRole('region', { name: 'Mocks' }).getByRole('group', { name: 'Mock of send' });
    await mock.getByLabel('Error type').fill('rate limited');
    await button('Run test').click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Test run' }).getByRole('alert').first().textContent())
      .toBe('mock of step "send": error type "rate limited" is not of the form NAMESPACE:NAME (e.g. HTTP:STATUS)');
  }, 60_000);

  it('runs an HTTP flow with a sample request, keeps it as a test case, and offers it again', async () => {
    const { page, server, button } = session;
    const greet = {
      format: 'flowbus/flow@1',
      name: 'Greet',
      trigger: { id: 'request', type: 'http', config: { path: '/greet' } },
      steps: [{ id: 'hello', type: 'set-payload', config: { value: { $expr: '"hello " & attributes.query.name & " from " & payload.city' } } }],
    };
    expect((await server.api('/flows', { method: 'POST', body: { id: 'greet', document: greet } })).status).toBe(201);
    await page.goto(`${server.url}/#/flows/greet`);
    await button('Step hello').waitFor();
    await page.getByRole('tab', { name: 'Test run' }).click();
    await page.getByLabel('Test input', { exact: true }).selectOption({ label: 'An HTTP request (method, path, query, headers, body)' });
    const json = page.getByLabel('Test input JSON');
    const request = JSON.parse(await json.inputValue());
    expect(request).toEqual({ payload: {}, attributes: { method: 'POST', path: '/greet', query: {}, headers: { 'content-type': 'application/json' }, params: {} } });
    request.payload = { city: 'Hangzhou' };
    request.attributes.query = { name: 'Ada' };
    await json.fill(JSON.stringify(request, null, 2));
    await button('Run test').click();
    const result = page.getByRole('region', { name: 'Run result' });
    await result.locator('[data-status="succeeded"]').first().waitFor();
    await expect.poll(async () => (await server.api('/executions?flow=greet')).json.executions.length).toBe(1);
    const save = page.getByRole('region', { name: 'Save as test case' });
    await save.getByLabel('Test case name').fill('greets Ada');
    await save.getByRole('button', { name: 'Save as test case' }).click();
    await save.getByText('Saved in flows/greet.test.json.').waitFor();

    await page.reload();
    await button('Step hello').waitFor();
    await page.getByRole('tab', { name: 'Test run' }).click();
    await page.getByLabel('Test input', { exact: true }).selectOption({ label: 'Test case: greets Ada' });
    expect(JSON.parse(await page.getByLabel('Test input JSON').inputValue())).toEqual(request);
    await button('Run test').click();
    await button('Step hello').click();
    await expect
      .poll(async () => JSON.parse((await session.panel().getByLabel('Step output').textContent()) ?? '{}').payload)
      .toBe('hello Ada from Hangzhou');
  }, 60_000);
});
