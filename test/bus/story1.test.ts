/**
 * @module Story 1 end to end without the editor: a rule `{"source": "cvm.cloud.tencent"}` targets the real
 * alarm-to-wecom flow; the CVM instance reboot template event posted to /events becomes a markdown message at
 * the fake WeCom robot on loopback (its connection "ops-wecom" points there); a refusing robot is logged by
 * the flow's Catch.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorSteps } from '../../connectors/index.js';
import { FlowbusError } from '../../engine/core/errors.js';
import { createRegistry } from '../../engine/core/registry.js';
import type { ConnectionResolver } from '../../engine/core/step-definition.js';
import { loadFlowFile } from '../../engine/flow/load.js';
import { compileFlow, type CompiledFlow, type LogEntry } from '../../engine/runtime/index.js';
import { builtinSteps } from '../../engine/steps/index.js';
import { templateEvent } from '../../engine/bus/index.js';
import { startBusApp, type BusApp } from '../../engine/server/api/testing.js';
import type { RunFlow } from '../../engine/bus/types.js';
import { startFakeWecom, type FakeWecom } from '../fakes/index.js';
import { ruleFile, STRUCTURED, waitFor } from './helpers.js';

const FLOW_FILE = fileURLToPath(new URL('../../flows/alarm-to-wecom.flow.json', import.meta.url));

let app: BusApp;
let robot: FakeWecom;
let flow: CompiledFlow;
const logs: LogEntry[] = [];

beforeAll(async () => {
  robot = await startFakeWecom();
  const connections: ConnectionResolver = {
    get: async (name, type) => {
      if (name === 'ops-wecom' && type === 'wecom-robot') return { webhook: robot.url };
      throw new FlowbusError('CONNECTION:NOT_FOUND', `no ${type} connection "${name}"`);
    },
  };
  const registry = createRegistry([...builtinSteps, ...createConnectorSteps()]);
  const loaded = await loadFlowFile(FLOW_FILE, registry);
  expect(loaded.issues).toEqual([]);
  flow = compileFlow('alarm-to-wecom', loaded.document!, registry);
  const runFlow: RunFlow = async (flowId, input, options) => {
    expect(flowId).toBe('alarm-to-wecom');
    return flow.execute(input, { ...options, services: { connections, log: (entry) => logs.push(entry) } });
  };
  const target = { id: 'to-wecom', type: 'flow', config: { flow: 'alarm-to-wecom' } };
  const rule = ruleFile({ source: 'cvm.cloud.tencent' }, [target], { name: 'CVM alarms to the WeCom group' });
  app = await startBusApp({ 'cvm-to-wecom.rule.json': rule }, { runFlow });
});

afterAll(async () => {
  await app.close();
  await robot.close();
});

describe('story 1: alarm to an IM group through an integration flow', () => {
  it('the CVM instance reboot template event posted to /events becomes a markdown message', async () => {
    const event = templateEvent('cvm-instance-reboot', { data: { instanceId: 'ins-story1' } }, Date.now());
    // The vendor's event shape (a `resource` list, `tags` object) is not strict CloudEvents: sent as JSON.
    const answer = await app.post('/events', { ...event, subject: 'ins-story1' });
    expect(answer.status).toBe(202);
    await waitFor(() => robot.received.length === 1, 'the robot message');
    const message = robot.received[0]!.body as { msgtype: string; markdown: { content: string } };
    expect(robot.rejected).toEqual([]);
    expect(message.msgtype).toBe('markdown');
    expect(message.markdown.content).toBe(
      '<font color="warning">收到告警信息，请及时处理</font>\n' +
        '> 实例 ID: <font color="comment">ins-story1</font>\n' +
        '> 地域: <font color="comment">ap-guangzhou</font>\n' +
        '> 事件名称: <font color="comment">cvm:ErrorEvent:InstanceReboot</font>',
    );
    await app.bus.idle();
    const trace = (await app.get(`/api/events/${event.id}`)).body;
    expect(trace.matchedRules).toEqual(['cvm-to-wecom']);
    expect(trace.targets).toEqual([
      expect.objectContaining({
        type: 'flow',
        status: 'delivered',
        attempts: 1,
        executionId: expect.any(String),
      }),
    ]);
  });

  it('"send test event" from the template reaches the group too, and other sources do not', async () => {
    const before = robot.received.length;
    await app.post(
      '/events',
      { specversion: '1.0', id: 'cos-1', source: 'cos.cloud.tencent', type: 'cos:created:object' },
      STRUCTURED,
    );
    const sent = await app.post('/api/event-templates/cvm-guest-reboot/send', {});
    expect(sent.status).toBe(202);
    await app.bus.idle();
    expect(robot.received.length).toBe(before + 1);
    expect((robot.received.at(-1)!.body as any).markdown.content).toContain('cvm:ErrorEvent:GuestReboot');
    expect((await app.get('/api/events/cos-1')).body.matchedRules).toEqual([]);
  });

  it('a robot that refuses is caught by the flow, which logs at ERROR in category ebtest', async () => {
    robot.answerNext(93000, 'invalid webhook url');
    const event = templateEvent('cvm-disk-read-only', {}, Date.now());
    expect((await app.post('/events', event)).status).toBe(202);
    await app.bus.idle();
    expect(robot.rejected.at(-1)?.code).toBe(93000);
    const expected = `alarm ${event.id} on ins-sjksjk not sent: WECOM:`;
    const logged = logs.find((entry) => entry.content.startsWith(expected));
    expect(logged).toMatchObject({ level: 'ERROR', category: 'ebtest' });
    expect((await app.get(`/api/events/${event.id}`)).body.targets[0].status).toBe('delivered');
  });
});
