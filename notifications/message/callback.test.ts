/**
 * @module Tests of the webhook callback body: the vendor's alarm callback built field by field from an event.
 */
import { describe, expect, it } from 'vitest';
import { deliveryOf, STANDARD_EVENT } from '../testing/fixtures.js';
import { alarmFields } from './alarm-fields.js';
import { alarmCallbackBody } from './callback.js';
import { shortRegion } from './region.js';

const bodyOf = (event: Record<string, unknown>, rule = 'cvm-alarms', zone = 'Asia/Shanghai') => {
  const item = deliveryOf(event, rule);
  return alarmCallbackBody(item, alarmFields(item, zone));
};

describe('alarm callback body', () => {
  it('has the shape of the vendor sample for the standard event', () => {
    expect(bodyOf(STANDARD_EVENT)).toEqual({
      sessionId: '13a3f42d-7258-4ada-da6d-023a333b4662',
      alarmStatus: '1',
      alarmType: 'event',
      alarmObjInfo: {
        region: 'sh',
        dimensions: { unInstanceId: 'ins-sjksjk', objDetail: { ip: '10.0.0.12', deviceLanIp: '10.0.0.12' } },
      },
      alarmPolicyInfo: {
        policyName: 'cvm-alarms',
        conditions: {
          productName: 'cvm',
          eventName: 'guest_reboot',
          alarmNotifyType: '',
          alarmNotifyPeriod: '',
        },
      },
      additionalMsg: [
        { key: 'alias', value: 'ins-sjksjk' },
        { key: 'ip', value: '10.0.0.12' },
        { key: 'deviceLanIp', value: '10.0.0.12' },
        { key: 'IP', value: 'something unnormal' },
      ],
      firstOccurTime: '2021-03-11 10:42:39',
      durationTime: 0,
      recoverTime: '0',
    });
  });

  it('keeps the dimensions a service gives, with their names, and the device name as alias', () => {
    const data = {
      instanceName: 'web-1',
      dimensions: { deviceLanIp: '10.0.0.1', deviceWanIp: '', uniqVpcId: 'vpc-1', port: 8080 },
    };
    const body = bodyOf({ ...STANDARD_EVENT, status: '0', data });
    expect(body.alarmStatus).toBe('0');
    expect(body.alarmObjInfo.dimensions).toEqual({
      unInstanceId: 'ins-sjksjk',
      objDetail: data.dimensions,
      deviceName: 'web-1',
    });
    expect(body.additionalMsg).toEqual([
      { key: 'alias', value: 'web-1' },
      { key: 'deviceLanIp', value: '10.0.0.1' },
      { key: 'deviceWanIp', value: '' },
      { key: 'uniqVpcId', value: 'vpc-1' },
      { key: 'port', value: '8080' },
    ]);
  });

  it('writes the time in the time zone given, and names the rule that matched', () => {
    const body = bodyOf(STANDARD_EVENT, 'disk-alarms', 'UTC');
    expect(body.firstOccurTime).toBe('2021-03-11 02:42:39');
    expect(body.alarmPolicyInfo.policyName).toBe('disk-alarms');
  });

  it('stays well formed for an event with no subject, region, status or data', () => {
    const body = bodyOf({ specversion: '1.0', id: 'e-9', source: 'erp', type: 'order:placed' });
    expect(body).toMatchObject({
      sessionId: 'e-9',
      alarmStatus: '-',
      alarmObjInfo: { region: '', dimensions: { unInstanceId: '', objDetail: {} } },
      alarmPolicyInfo: { conditions: { productName: 'order', eventName: 'order:placed' } },
      additionalMsg: [{ key: 'alias', value: '' }],
    });
  });

  it.each([
    ['ap-guangzhou', 'gz'],
    ['ap-shanghai', 'sh'],
    ['ap-beijing', 'bj'],
    ['na-siliconvalley', 'usw'],
    ['xx-nowhere', 'xx-nowhere'],
  ])('writes region %s as %s', (region, short) => {
    expect(shortRegion(region)).toBe(short);
    expect(bodyOf({ ...STANDARD_EVENT, region }).alarmObjInfo.region).toBe(short);
  });
});
