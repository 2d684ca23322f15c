/**
 * @module Story 2 end to end: cloud alarms on the default bus, routed by product, by event type, by instance
 * list and by region, each only where it belongs; every alarm archived in the log store and found again; the
 * webhook callback reshaped into the vendor's alarm callback body by an input transformer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusApp, type BusApp } from '../../engine/server/api/testing.js';
import { realClock } from '../../engine/runtime/clock.js';
import { ruleFile, startReceiver, type Receiver } from './helpers.js';

let app: BusApp;
let receiver: Receiver;

const callbackTemplate = {
  sessionId: '<id>',
  alarmStatus: '<status>',
  alarmType: 'event',
  alarmObjInfo: {
    region: '<region>',
    dimensions: { unInstanceId: '<subject>', objDetail: { deviceLanIp: '<ip>' } },
  },
  alarmPolicyInfo: {
    policyName: '<$rule>',
    conditions: { productName: 'cvm', eventName: '<type>', alarmNotifyType: '', alarmNotifyPeriod: '' },
  },
  additionalMsg: [{ key: 'alias', value: '<subject>' }],
  firstOccurTime: '<time>',
  durationTime: 0,
  recoverTime: '0',
};

const callbackTransform = {
  inputPaths: {
    id: '$.id',
    status: '$.status',
    region: '$.region',
    subject: '$.subject',
    ip: '$.data.dimensions.ip',
    type: '$.type',
    time: '$.time',
  },
  template: callbackTemplate,
};

beforeAll(async () => {
  receiver = await startReceiver();
  const hook = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'webhook',
    config: { url: `${receiver.origin}${path}` },
    ...extra,
  });
  const cvm = 'cvm.cloud.tencent';
  const batched = hook('batched', '/guangzhou', { batch: { maxEvents: 2, maxWaitMs: 5000 } });
  const callback = hook('callback', '/ping');
  const disk = hook('push', '/disk');
  const files = {
    'cvm-archive.rule.json': ruleFile({ source: cvm }, [{ id: 'archive', type: 'log-store' }]),
    'ping.rule.json': ruleFile({ source: cvm, type: 'cvm:ErrorEvent:PingUnreachable' }, [callback], {
      transform: callbackTransform,
    }),
    'instances.rule.json': ruleFile({ source: cvm, subject: ['ins-xxxxxx', 'ins-yyyyyy'] }, [
      hook('push', '/instances'),
    ]),
    'disk.rule.json': ruleFile({ source: cvm, type: ['cvm:ErrorEvent:DiskReadOnly'] }, [disk]),
    'guangzhou.rule.json': ruleFile({ source: cvm, region: 'ap-guangzhou' }, [batched]),
  };
  app = await startBusApp(files, { clock: realClock });
});

afterAll(async () => {
  await app.close();
  await receiver.close();
});

function alarm(id: string, type: string, subject: string, region: string) {
  return {
    specversion: '1.0',
    id,
    source: 'cvm.cloud.tencent',
    type: `cvm:ErrorEvent:${type}`,
    subject,
    time: 1615430559146,
    region,
    resource: [`qcs::eb:${region}:uid125000000:eventbusid/eventruleid`],
    datacontenttype: 'application/json;charset=utf-8',
    tags: { key1: 'value1' },
    status: '1',
    data: { appId: '1250000011', instanceId: subject, dimensions: { ip: '127.0.0.1' } },
  };
}

describe('story 2: alarm routing with log archive and notifications', () => {
  it('sends each event only where it belongs and archives all of them', async () => {
    const events = [
      alarm('a1', 'PingUnreachable', 'ins-xxxxxx', 'ap-guangzhou'),
      alarm('a2', 'DiskReadOnly', 'ins-zzzzzz', 'ap-shanghai'),
      alarm('a3', 'GuestReboot', 'ins-yyyyyy', 'ap-beijing'),
      alarm('a4', 'GuestReboot', 'ins-zzzzzz', 'ap-guangzhou'),
      { ...alarm('a5', 'PingUnreachable', 'ins-xxxxxx', 'ap-guangzhou'), source: 'cos.cloud.tencent' },
    ];
    for (const event of events) expect((await app.post('/events', event)).status).toBe(202);
    await app.bus.idle();

    expect(receiver.bodies('/ping').map((body) => body.sessionId)).toEqual(['a1']);
    expect(receiver.bodies('/instances').map((body) => body.id).sort()).toEqual(['a1', 'a3']);
    expect(receiver.bodies('/disk').map((body) => body.id)).toEqual(['a2']);
    const batches = receiver.bodies('/guangzhou');
    expect(batches).toEqual([
      { EventList: [expect.objectContaining({ id: 'a1' }), expect.objectContaining({ id: 'a4' })] },
    ]);

    const archived = await app.get('/api/log-store/search?source=cvm.cloud.tencent');
    expect(archived.body.items.map((entry: { eventId: string }) => entry.eventId)).toEqual([
      'a4',
      'a3',
      'a2',
      'a1',
    ]);
    const disk = await app.get('/api/log-store/search?type=cvm:ErrorEvent:DiskReadOnly');
    expect(disk.body.items).toEqual([
      expect.objectContaining({
        eventId: 'a2',
        subject: 'ins-zzzzzz',
        region: 'ap-shanghai',
        status: '1',
        rules: ['cvm-archive'],
      }),
    ]);
    expect((await app.get('/api/log-store/search?subject=ins-yyyyyy')).body.total).toBe(1);

    const a1 = (await app.get('/api/events/a1')).body;
    expect(a1.matchedRules.sort()).toEqual(['cvm-archive', 'guangzhou', 'instances', 'ping']);
    expect((await app.get('/api/events/a5')).body.matchedRules).toEqual([]);
  });

  it('the webhook callback has the vendor alarm callback shape', () => {
    const [callback] = receiver.bodies('/ping');
    expect(callback).toEqual({
      sessionId: 'a1',
      alarmStatus: '1',
      alarmType: 'event',
      alarmObjInfo: {
        region: 'ap-guangzhou',
        dimensions: { unInstanceId: 'ins-xxxxxx', objDetail: { deviceLanIp: '127.0.0.1' } },
      },
      alarmPolicyInfo: {
        policyName: 'ping',
        conditions: {
          productName: 'cvm',
          eventName: 'cvm:ErrorEvent:PingUnreachable',
          alarmNotifyType: '',
          alarmNotifyPeriod: '',
        },
      },
      additionalMsg: [{ key: 'alias', value: 'ins-xxxxxx' }],
      firstOccurTime: 1615430559146,
      durationTime: 0,
      recoverTime: '0',
    });
    const request = receiver.requests.find((candidate) => candidate.url.pathname === '/ping')!;
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('counts matches and deliveries per rule', async () => {
    const text = (await app.bus.metrics.text()).split('\n');
    expect(text).toContain('flowbus_bus_rule_matches_total{bus="default",rule="instances"} 2');
    const batched = 'flowbus_bus_deliveries_total{rule="guangzhou",target="batched",outcome="delivered"} 2';
    expect(text).toContain(batched);
  });
});
