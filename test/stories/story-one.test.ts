// Story 1 end to end through the real server: the CVM reboot template event posted to /events reaches the
// WeCom, DingTalk and Feishu fakes as signed markdown messages; a wrong DingTalk secret is caught and logged.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes } from '../../connectors/index.js';
import { startServer, type RunningServer } from '../../engine/server/index.js';
import { startFakeDingtalk, startFakeFeishu, startFakeWecom, type FakeDingtalk, type FakeFeishu, type FakeWecom } from '../fakes/index.js';
import { waitFor } from '../support/wait-for.js';

const examples = fileURLToPath(new URL('../../flows/', import.meta.url));
let dir: string;
let server: RunningServer;
let wecom: FakeWecom;
let dingtalk: FakeDingtalk;
let feishu: FakeFeishu;
const logs: string[] = [];

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-story1-'));
  await cp(examples, join(dir, 'flows'), { recursive: true });
  wecom = await startFakeWecom();
  dingtalk = await startFakeDingtalk({ secret: 'SECright' });
  feishu = await startFakeFeishu({ secret: 'feishu-secret' });
  server = await startServer({
    registry: createAppRegistry(),
    connectionTypes: connectorConnectionTypes,
    port: 0,
    flowsDir: join(dir, 'flows'),
    dataDir: join(dir, 'data'),
    handleSignals: false,
    env: { FLOWBUS_SECRET_KEY: 'a'.repeat(64) },
    logWrite: (line) => logs.push(line),
  });
  const connections = [
    { name: 'ops-wecom', type: 'wecom-robot', values: { webhook: wecom.url } },
    { name: 'ops-dingtalk', type: 'dingtalk-robot', values: { webhook: dingtalk.url, secret: 'SECright' } },
    { name: 'ops-feishu', type: 'feishu-robot', values: { webhook: feishu.url, secret: 'feishu-secret' } },
  ];
  for (const connection of connections) expect((await api('POST', '/api/connections', connection)).status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await Promise.all([wecom?.close(), dingtalk?.close(), feishu?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('story 1: a cloud alarm lands in every IM group', () => {
  it('delivers the CVM instance reboot template event to the three robots', async () => {
    const sent = await api('POST', '/api/event-templates/cvm-instance-reboot/send', { data: { instanceId: 'ins-7e57' } });
    expect(sent.status).toBe(202);
    await waitFor(() => wecom.received.length > 0 && dingtalk.received.length > 0 && feishu.received.length > 0, 'all three robots');
    const wecomText = JSON.stringify(wecom.received[0].body);
    const dingtalkText = JSON.stringify(dingtalk.received[0].body);
    const feishuText = JSON.stringify(feishu.received[0].body);
    for (const text of [wecomText, dingtalkText, feishuText]) {
      expect(text).toContain('收到告警信息');
      expect(text).toContain('cvm:ErrorEvent:');
      expect(text).toContain('ap-');
    }
    expect(wecom.received[0].body).toMatchObject({ msgtype: 'markdown' });
    expect(dingtalk.received[0].body).toMatchObject({ msgtype: 'markdown' });
    expect(feishu.received[0].body).toMatchObject({ msg_type: 'interactive' });
  });

  it('lists the executions with every step traced', async () => {
    const list = await waitFor(async () => {
      const { body } = await api('GET', '/api/executions?flow=alarm-to-wecom');
      return body?.executions?.length ? body.executions : undefined;
    }, 'an execution of alarm-to-wecom');
    const { body: record } = await api('GET', `/api/executions/${list[0].id}`);
    expect(record.status).toBe('succeeded');
    expect(record.steps.map((step: { stepId: string; status: string }) => `${step.stepId}:${step.status}`)).toEqual([
      'body:succeeded',
      'markdown:succeeded',
      'send:succeeded',
    ]);
  });

  it('answers the event of SCENARIOS.md posted to the HTTP example with the markdown, and traces that run', async () => {
    const event = JSON.parse(await readFile(join(examples, 'events/cvm-guest-reboot.json'), 'utf8'));
    const response = await fetch(`${server.url}/alarms/markdown`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('实例 ID: <font color="comment">ins-sjksjk</font>');
    expect(text).toContain('地域: <font color="comment">ap-guangzhou</font>');
    const executionId = response.headers.get('x-flowbus-execution');
    const { body: record } = await waitFor(async () => {
      const found = await api('GET', `/api/executions/${executionId}`);
      return found.status === 200 ? found : undefined;
    }, 'the HTTP execution in the history');
    expect(record.steps.map((step: { stepId: string }) => step.stepId)).toEqual(['body', 'markdown']);
  });

  it('logs DINGTALK:SIGNATURE at ERROR in category ebtest when the secret is wrong', async () => {
    expect((await api('PUT', '/api/connections/ops-dingtalk', { values: { secret: 'SECwrong' } })).status).toBe(200);
    const before = dingtalk.received.length;
    expect((await api('POST', '/api/event-templates/cvm-ping-unreachable/send', {})).status).toBe(202);
    const line = await waitFor(
      () => logs.find((entry) => entry.includes('DINGTALK:SIGNATURE') && entry.includes('ebtest')),
      'the Catch to log the signature error',
    );
    expect(JSON.parse(line)).toMatchObject({ level: 'error', category: 'ebtest' });
    expect(dingtalk.received.length).toBe(before);
    expect(logs.join('\n')).not.toContain('SECwrong');
  });
});
