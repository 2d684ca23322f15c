import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { json, startTestServer, type TestServer } from './helpers.js';

/** The standard event of SCENARIOS.md. */
const EVENT = {
  specversion: '1.0',
  id: '13a3f42d-7258-4ada-da6d-023a333b4662',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:ping_unreachable',
  subject: 'ins-sjksjk',
  time: 1615430559146,
  region: 'ap-guangzhou',
  resource: ['qcs::eb:ap-guangzhou:uid125000000:eventbusid/eventruleid'],
  datacontenttype: 'application/json;charset=utf-8',
  tags: { key1: 'value1', key2: 'value2' },
  status: '1',
  data: {
    appId: '1250000011',
    instanceId: 'ins-sjksjk',
    projectId: '11',
    dimensions: { ip: '127.0.0.1' },
    additionalMsg: { IP: 'something unnormal' },
  },
};

let root: string;
let server: TestServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowbus-examples-'));
  await cp(fileURLToPath(new URL('../../flows/', import.meta.url)), join(root, 'flows'), { recursive: true });
  server = await startTestServer({ root, server: { registry: createAppRegistry() } });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the examples in flows/', () => {
  it('are all published', async () => {
    const { flows } = (await server.request('/api/flows')).json;
    expect(flows.length).toBeGreaterThan(0);
    for (const { id, status } of flows) expect({ id, status }).toEqual({ id, status: 'published' });
  });

  it('story 1: the event becomes the markdown message; the run is listed with its steps', async () => {
    const run = await server.request('/api/flows/alarm-to-wecom/dry-run', json('POST', { event: EVENT }));
    expect(run.status).toBe(200);
    expect(run.json.status).toBe('succeeded');
    const markdown: string = run.json.result.vars.markdown;
    expect(markdown).toContain('收到告警信息，请及时处理');
    expect(markdown).toContain('ins-sjksjk');
    expect(markdown).toContain('ap-guangzhou');
    expect(markdown).toContain('cvm:ErrorEvent:ping_unreachable');
    const listed = await server.request('/api/executions?flow=alarm-to-wecom');
    const summary = { id: run.json.id, status: 'succeeded', trigger: 'dry-run' };
    expect(listed.json.executions[0]).toMatchObject(summary);
    const trace = await server.request(`/api/executions/${run.json.id}`);
    const traced: Array<{ stepId: string; status: string }> = trace.json.steps;
    const steps = traced.map((step) => [step.stepId, step.status]);
    const expected = [['body', 'succeeded'], ['markdown', 'succeeded'], ['send', 'stubbed']];
    expect(steps).toEqual(expect.arrayContaining(expected));
  });
});
