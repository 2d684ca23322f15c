/**
 * @module Story 3 end to end through the real server, with the example bus, rule and flow: a test event from
 * the Oceanus template sent to the user-defined bus is mailed to the stream team and re-formatted by a flow
 * for a strict third-party receiver; what the receiver refuses is logged, and the bus keeps every event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorTargetTypes } from '../../connectors/index.js';
import { startFakeSmtp, type FakeSmtp } from '../fakes/index.js';
import { startFakePartner, type FakePartner } from './fake-partner.js';
import { mailConnection, readExample, startStoryServer, waitFor, type StoryServer } from './story-server.js';

const FILES = [
  'stream-alarms.bus.json',
  'oceanus-cpu-high.rule.json',
  'oceanus-alarm-to-partner.flow.json',
];
const DATA = { clusterId: 'cluster-7', jobId: 'cql-7', taskManager: 'tm-3', cpuUsage: 97.25 };

let smtp: FakeSmtp;
let partner: FakePartner;
let story: StoryServer;
const previousPartnerApi = process.env.FLOWBUS_VAR_PARTNER_API;

async function sendTemplate(bus: string, data: unknown): Promise<{ id: string; event: { time: number } }> {
  const path = '/api/event-templates/oceanus-taskmanager-cpu-high/send';
  const sent = await story.api('POST', path, { bus, data });
  expect(sent.status).toBe(202);
  return sent.body;
}

async function partnerExecution(eventId: string) {
  return waitFor(async () => {
    const { body } = await story.api('GET', '/api/executions?flow=oceanus-alarm-to-partner');
    const records = await Promise.all(
      body.executions.map(async (execution: { id: string }) => {
        return (await story.api('GET', `/api/executions/${execution.id}`)).body;
      }),
    );
    return records.find((record) => record.input.payload.id === eventId);
  }, `the partner flow's execution for ${eventId}`);
}

beforeAll(async () => {
  smtp = await startFakeSmtp();
  partner = await startFakePartner();
  process.env.FLOWBUS_VAR_PARTNER_API = partner.origin;
  const documents = await Promise.all(FILES.map(async (name) => [name, await readExample(name)]));
  const files = Object.fromEntries(documents);
  story = await startStoryServer({
    files,
    targetTypes: connectorTargetTypes,
    connections: [
      mailConnection(smtp.port),
    ],
  });
});

afterAll(async () => {
  await story?.close();
  await story?.remove();
  await Promise.all([smtp?.close(), partner?.close()]);
  if (previousPartnerApi === undefined) delete process.env.FLOWBUS_VAR_PARTNER_API;
  else process.env.FLOWBUS_VAR_PARTNER_API = previousPartnerApi;
});

describe('story 3: stream-processing cluster alarms', () => {
  it('has the user-defined bus', async () => {
    const { body } = await story.api('GET', '/api/buses');
    expect(body.buses).toContainEqual(
      expect.objectContaining({ id: 'stream-alarms', name: 'Stream computing alarms', rules: 1 }),
    );
  });

  it('mails a test event from the Oceanus template, and posts it to the partner in its format', async () => {
    const { id, event } = await sendTemplate('stream-alarms', DATA);
    const arrived = () => partner.incidents.length === 1 && smtp.mails.length === 1;
    await waitFor(arrived, 'the incident and the mail');
    expect(partner.refused).toEqual([]);
    expect(partner.incidents[0]).toEqual({
      incidentId: id,
      service: 'oceanus',
      severity: 'critical',
      title: 'TaskManagerCpuHigh on cql-abcd1234',
      resource: 'cql-abcd1234',
      region: 'ap-guangzhou',
      occurredAt: new Date(event.time).toISOString(),
      details: { clusterId: 'cluster-7', jobId: 'cql-7', taskManager: 'tm-3', cpuUsagePercent: 97.25 },
    });
    const mail = smtp.mails[0]!;
    expect(mail.envelope.to).toEqual(['stream-team@example.com']);
    expect(mail.subject).toBe('[error] oceanus TaskManagerCpuHigh on cql-abcd1234');
    expect(mail.text).toContain('Job cql-7 of cluster cluster-7: TaskManager tm-3 at 97.25% CPU.');

    const record = await partnerExecution(id);
    expect(record.status).toBe('succeeded');
    expect(record.logs).toContainEqual(
      expect.objectContaining({
        level: 'INFO',
        category: 'partner',
        content: `incident ${id} accepted as INC-1`,
      }),
    );
    const stored = await story.api('GET', '/api/log-store/search?bus=stream-alarms');
    expect(stored.body.items.map((entry: { eventId: string }) => entry.eventId)).toContain(id);
  });

  it('logs what the strict receiver refuses, without retrying it', async () => {
    const { id } = await sendTemplate('stream-alarms', { clusterId: 'cluster-7', jobId: 'cql-7' });
    const record = await partnerExecution(id);
    expect(partner.refused.map((refusal) => refusal.reason)).toEqual([
      'details must be clusterId, jobId, taskManager (strings) and cpuUsagePercent (a number)',
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.logs).toContainEqual(
      expect.objectContaining({
        level: 'ERROR',
        category: 'partner',
        content: expect.stringContaining(`refused: POST ${partner.origin}/v1/incidents answered 422`),
      }),
    );
    expect(partner.incidents).toHaveLength(1);
    await waitFor(() => smtp.mails.length === 2, 'the mail of the refused alarm');
  });

  it('does not route the same event type from another bus', async () => {
    const mails = smtp.mails.length;
    const { id } = await sendTemplate('default', DATA);
    const trace = await story.api('GET', `/api/events/${id}`);
    // No rule matched, so no delivery was started: the trace is the proof, the counts a cross-check.
    expect(trace.body.matchedRules).toEqual([]);
    expect(trace.body.targets).toEqual([]);
    expect(smtp.mails).toHaveLength(mails);
    expect(partner.incidents).toHaveLength(1);
  });
});
