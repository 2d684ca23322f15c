/**
 * @module Flows-folder content for the console's browser tests: an event-triggered flow, a rule that sends
 * CVM alarms to it, to the log store and to a partner's webhook (which the test makes fail or work), and a
 * rule for COS events only, which a CVM alarm does not match.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ALARM_SOURCE = 'cvm.cloud.tencent';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function writeConsoleFlows(flowsDir: string, webhookUrl: string): Promise<void> {
  const flow = {
    format: 'flowbus/flow@1',
    name: 'Alarm handler',
    trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
    steps: [{ id: 'keep', type: 'set-payload', config: { value: { $expr: 'payload.subject' } } }],
  };
  const alarms = {
    format: 'flowbus/rule@1',
    name: 'CVM alarms',
    pattern: { source: [ALARM_SOURCE] },
    targets: [
      { id: 'handle', type: 'flow', config: { flow: 'alarm-handler' } },
      { id: 'archive', type: 'log-store' },
      { id: 'partner', type: 'webhook', config: { url: webhookUrl }, retry: { maxAttempts: 1 } },
    ],
  };
  const cosOnly = {
    format: 'flowbus/rule@1',
    name: 'COS events',
    pattern: { source: ['cos.cloud.tencent'] },
    targets: [{ id: 'archive', type: 'log-store' }],
  };
  await writeFile(join(flowsDir, 'alarm-handler.flow.json'), json(flow));
  await writeFile(join(flowsDir, 'cvm-alarms.rule.json'), json(alarms));
  await writeFile(join(flowsDir, 'cos-events.rule.json'), json(cosOnly));
}

/** A CloudEvent of the alarm source, in structured JSON. */
export function alarmEvent(id: string, subject: string) {
  return {
    specversion: '1.0',
    id,
    source: ALARM_SOURCE,
    type: 'cvm:ErrorEvent:GuestReboot',
    subject,
    region: 'ap-guangzhou',
    data: { instance: subject, reason: 'guest reboot' },
  };
}

/** Posts events to the server's default bus; resolves once they are accepted. */
export async function sendEvents(url: string, events: unknown[]): Promise<void> {
  for (const event of events) {
    const answer = await fetch(`${url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify(event),
    });
    if (answer.status >= 300) throw new Error(`the bus answered ${answer.status}: ${await answer.text()}`);
  }
}
