/**
 * @module End to end, in headless Chromium against a real server: a flow's executions are filtered to the
 * failed ones, one is opened with its log lines, run again with its input (a new test-run execution), and
 * the console's event page links to the execution it started, which opens the flow with that run shown and
 * links back to the event.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEditorSession, type EditorSession } from './browser-session.js';
import { alarmEvent, ALARM_SOURCE, sendEvents } from './console-fixtures.js';

/** Executions land asynchronously, on a machine that may be busy. */
const POLL = { timeout: 10_000 };
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

// The flow logs the alarm's subject, then fails for the subject "ins-fail".
async function writeFlows(flowsDir: string): Promise<void> {
  const flow = {
    format: 'flowbus/flow@1',
    name: 'Alarm ops',
    trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
    steps: [
      { id: 'log-alarm', type: 'logger', config: { level: 'INFO', category: 'ops', content: { $template: 'alarm on {{ payload.subject }}' } } },
      { id: 'check', type: 'set-variable', config: { name: 'ok', value: { $expr: "payload.subject = 'ins-fail' ? $error('refused') : true" } } },
    ],
  };
  const rule = {
    format: 'flowbus/rule@1',
    name: 'Alarms to ops',
    pattern: { source: [ALARM_SOURCE] },
    // One attempt: a redelivery of the failing event would add executions of its own.
    targets: [{ id: 'ops', type: 'flow', config: { flow: 'alarm-ops' }, retry: { maxAttempts: 1 } }],
  };
  await writeFile(join(flowsDir, 'alarm-ops.flow.json'), json(flow));
  await writeFile(join(flowsDir, 'alarms-to-ops.rule.json'), json(rule));
}

let session: EditorSession;
const executionOf: Record<string, string> = {};

beforeAll(async () => {
  session = await startEditorSession({ prepareFlows: writeFlows });
  await sendEvents(session.server.url, [alarmEvent('alarm-ok', 'ins-ok'), alarmEvent('alarm-fail', 'ins-fail')]);
  const executions = async () => (await session.server.api('/executions?flow=alarm-ops')).json.executions;
  await vi.waitFor(async () => expect(await executions()).toHaveLength(2), { timeout: 10_000 });
  for (const { id } of await executions()) {
    const record = (await session.server.api(`/executions/${id}`)).json;
    executionOf[record.input.attributes.id] = id;
  }
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the editor: executions', () => {
  it('filters by status, shows a run with its log lines and runs it again with its input', async () => {
    const { page, server, consoleErrors } = session;
    await page.goto(`${server.url}/#/flows/alarm-ops`);
    await page.getByRole('tab', { name: 'Executions' }).click();
    const panel = page.getByRole('region', { name: 'Executions' });
    const rows = panel.locator('.execution-list .execution-row');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    await panel.getByLabel('Status', { exact: true }).selectOption('failed');
    await expect.poll(() => rows.count(), POLL).toBe(1);
    expect(await rows.first().getAttribute('data-status')).toBe('failed');

    await panel.getByRole('button', { name: `Open execution ${executionOf['alarm-fail']}` }).click();
    const details = panel.getByRole('region', { name: `Execution ${executionOf['alarm-fail']}` });
    await expect.poll(() => details.locator('.log-list').textContent(), POLL).toContain('alarm on ins-fail');
    expect(await details.locator('.run-error').textContent()).toContain('refused');

    await details.getByRole('button', { name: 'Run again with this input' }).click();
    // The run again fails the same way (same input), so the failed filter now lists it too, as a test run.
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await rows.first().textContent()).toContain('test run');
    const replayed = await panel.locator('.execution-details > h3').textContent();
    expect(replayed).not.toBe(executionOf['alarm-fail']);
    const record = (await server.api(`/executions/${replayed}`)).json;
    expect(record).toMatchObject({ trigger: 'dry-run', status: 'failed', input: { payload: { subject: 'ins-fail' } } });
    expect(consoleErrors).toEqual([]);
  });

  it('follows an event to the execution it started and back', async () => {
    const { page, server, consoleErrors } = session;
    await page.goto(`${server.url}/#/events/alarm-ok`);
    await page.getByRole('heading', { name: 'Event alarm-ok' }).waitFor();
    const link = page.locator(`a[data-execution="${executionOf['alarm-ok']}"]`);
    await expect.poll(() => link.getAttribute('href'), POLL).toBe(`#/flows/alarm-ops?execution=${executionOf['alarm-ok']}`);
    await link.click();

    const panel = page.getByRole('region', { name: 'Executions' });
    await panel.waitFor();
    expect(await page.getByRole('tab', { name: 'Executions' }).getAttribute('aria-selected')).toBe('true');
    const selected = panel.getByRole('button', { name: `Open execution ${executionOf['alarm-ok']}` });
    await expect.poll(() => selected.getAttribute('class'), POLL).toContain('selected');
    const details = panel.getByRole('region', { name: `Execution ${executionOf['alarm-ok']}` });
    expect(await details.locator('.log-list').textContent()).toContain('alarm on ins-ok');

    await details.getByRole('link', { name: 'Started by event alarm-ok' }).click();
    await page.getByRole('heading', { name: 'Event alarm-ok' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
