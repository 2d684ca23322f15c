/**
 * @module Story 4 end to end through the real server, with the example rules and flow: a disk read-only
 * alarm starts the flow that asks a fake cloud API to snapshot and reboot the instance named in `subject`;
 * the reboot comes back as a GuestReboot event; the ops team gets both notifications. A reboot the cloud
 * refuses fails the flow, is logged, retried once and kept as a dead letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorTargetTypes } from '../../connectors/index.js';
import { startFakeSmtp, startFakeWecom, type FakeSmtp, type FakeWecom } from '../fakes/index.js';
import { startFakeCloudApi, type FakeCloudApi } from './fake-cloud-api.js';
import {
  mailConnection,
  pointWebhooksAt,
  readExample,
  startStoryServer,
  waitFor,
  type StoryServer,
} from './story-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const RULES = ['disk-read-only-heal.rule.json', 'guest-reboot-notify.rule.json'];

let smtp: FakeSmtp;
let wecom: FakeWecom;
let receiver: WebhookReceiver;
let cloud: FakeCloudApi;
let story: StoryServer;
const previousCloudApi = process.env.FLOWBUS_VAR_CLOUD_API;

async function postEvent(event: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${story.server.url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  expect(response.status).toBe(202);
}

/** What the cloud does after a reboot: a GuestReboot event for the instance. */
function guestReboot(instanceId: string) {
  return {
    specversion: '1.0',
    id: `reboot-${instanceId}`,
    source: 'cvm.cloud.tencent',
    type: 'cvm:ErrorEvent:GuestReboot',
    subject: instanceId,
    time: Date.now(),
    region: 'ap-guangzhou',
    status: '-',
    data: { instanceId, dimensions: { ip: '10.0.0.12' } },
  };
}

async function diskAlarm(id: string, instanceId: string): Promise<void> {
  const event = await readExample('events/cvm-disk-read-only.json');
  const data = { ...event.data, instanceId };
  await postEvent({ ...event, id, subject: instanceId, time: Date.now(), data });
}

async function healRecords(instanceId: string): Promise<any[]> {
  const { body } = await story.api('GET', '/api/executions?flow=snapshot-and-reboot');
  const records = await Promise.all(
    body.executions.map(async (execution: { id: string }) => {
      return (await story.api('GET', `/api/executions/${execution.id}`)).body;
    }),
  );
  return records.filter((record) => record.input.payload.subject === instanceId);
}

beforeAll(async () => {
  smtp = await startFakeSmtp();
  wecom = await startFakeWecom();
  receiver = await startWebhookReceiver();
  cloud = await startFakeCloudApi({
    busy: ['ins-locked'],
    onReboot: (instanceId) => void postEvent(guestReboot(instanceId)),
  });
  process.env.FLOWBUS_VAR_CLOUD_API = cloud.origin;
  const files: Record<string, unknown> = {
    'snapshot-and-reboot.flow.json': await readExample('snapshot-and-reboot.flow.json'),
  };
  for (const name of RULES) files[name] = pointWebhooksAt(await readExample(name), receiver.origin);
  story = await startStoryServer({
    files,
    targetTypes: connectorTargetTypes,
    connections: [
      mailConnection(smtp.port),
      { name: 'ops-wecom', type: 'wecom-robot', values: { webhook: wecom.url } },
    ],
  });
});

afterAll(async () => {
  await story?.close();
  await story?.remove();
  await Promise.all([smtp?.close(), wecom?.close(), receiver?.close(), cloud?.close()]);
  if (previousCloudApi === undefined) delete process.env.FLOWBUS_VAR_CLOUD_API;
  else process.env.FLOWBUS_VAR_CLOUD_API = previousCloudApi;
});

describe('story 4: self-healing, snapshot and reboot on a disk alarm', () => {
  it('snapshots and reboots the instance named in subject, and both notifications arrive', async () => {
    await diskAlarm('disk-e2e-1', 'ins-heal01');
    await waitFor(() => cloud.calls.length === 2, 'the snapshot and the reboot');
    expect(cloud.calls).toEqual([
      {
        action: 'snapshot',
        instanceId: 'ins-heal01',
        body: { instanceId: 'ins-heal01', reason: 'disk read-only alarm disk-e2e-1' },
        status: 201,
      },
      { action: 'reboot', instanceId: 'ins-heal01', body: { stopType: 'SOFT' }, status: 202 },
    ]);
    const [record] = await waitFor(async () => {
      const records = await healRecords('ins-heal01');
      return records.length > 0 && records;
    }, 'the execution record');
    expect(record.status).toBe('succeeded');
    const lines = record.logs.map((log: { level: string; category: string; content: string }) => {
      return `${log.level} ${log.category} ${log.content}`;
    });
    expect(lines).toEqual([
      'INFO self-heal snapshot snap-1 of ins-heal01 created (HTTP 201)',
      'INFO self-heal reboot of ins-heal01 requested (request req-2, HTTP 202)',
    ]);

    await waitFor(
      () => smtp.mails.length === 2 && wecom.received.length === 2 && receiver.requests.length === 2,
      'both notifications on every channel',
    );
    const texts = smtp.mails.map((mail) => mail.text ?? '').sort();
    expect(texts[0]).toContain('Alarm event: DiskReadOnly');
    expect(texts[0]).toContain('Event status: error');
    expect(texts[1]).toContain('Alarm event: GuestReboot');
    expect(texts[1]).toContain('Event status: stateless');
    for (const text of texts) expect(text).toContain('Alarmed resource: ins-heal01');
    const bodies = receiver.bodies('/alarm-callback');
    const policies = bodies.map((body) => body.alarmPolicyInfo);
    const seen = policies.map((policy) => `${policy.policyName} ${policy.conditions.eventName}`);
    expect(seen.sort()).toEqual(['disk-read-only-heal disk_read_only', 'guest-reboot-notify guest_reboot']);
    for (const body of bodies) expect(body.alarmObjInfo.dimensions.unInstanceId).toBe('ins-heal01');
  });

  it('fails the flow when the cloud refuses a reboot: logged, retried, kept as a dead letter', async () => {
    const mails = smtp.mails.length;
    await diskAlarm('disk-e2e-2', 'ins-locked');
    const letters = await waitFor(async () => {
      const { body } = await story.api('GET', '/api/dead-letters?rule=disk-read-only-heal');
      return body.total > 0 && body.items;
    }, 'the dead letter', 15_000);
    expect(letters).toEqual([
      expect.objectContaining({
        target: 'heal',
        attempts: 2,
        error: expect.objectContaining({ type: 'SELF_HEAL:FAILED' }),
      }),
    ]);
    const locked = cloud.calls.filter((call) => call.instanceId === 'ins-locked');
    const refused = locked.filter((call) => call.action === 'reboot');
    expect(refused.map((call) => call.status)).toEqual([409, 409]);
    const records = await healRecords('ins-locked');
    expect(records.map((record) => record.status)).toEqual(['failed', 'failed']);
    expect(records[0].logs).toContainEqual(
      expect.objectContaining({
        level: 'ERROR',
        category: 'self-heal',
        content: expect.stringContaining('self-healing of ins-locked failed at reboot: HTTP:STATUS'),
      }),
    );
    await waitFor(() => smtp.mails.length === mails + 1, 'the disk alarm notification');
  });
});
