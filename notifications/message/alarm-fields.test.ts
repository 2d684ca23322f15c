/**
 * @module Tests of the alarm fields: product, event type and name, status text, event time and the fields of
 * the standard event.
 */
import { describe, expect, it } from 'vitest';
import {
  alarmFields,
  eventTime,
  eventTypeOf,
  productOf,
  snakeCase,
  statusOf,
  statusText,
} from './alarm-fields.js';
import { deliveryOf, STANDARD_EVENT } from '../testing/fixtures.js';

describe('alarm fields', () => {
  it.each([
    ['cvm.cloud.tencent', 'cvm:ErrorEvent:GuestReboot', 'cvm'],
    ['oceanus.cloud.tencent', 'oceanus:ErrorEvent:TaskManagerCpuHigh', 'oceanus'],
    ['erp.orders', 'order:placed', 'order'],
    ['erp', 'placed', 'erp'],
  ])('the product of source %s and type %s is %s', (source, type, product) => {
    expect(productOf(source, type)).toBe(product);
  });

  it.each([
    ['cvm:ErrorEvent:GuestReboot', 'GuestReboot', 'guest_reboot'],
    ['cvm:ErrorEvent:ping_unreachable', 'ping_unreachable', 'ping_unreachable'],
    ['cvm:ErrorEvent:DiskReadOnly', 'DiskReadOnly', 'disk_read_only'],
    ['oceanus:ErrorEvent:TaskManagerCPUHigh', 'TaskManagerCPUHigh', 'task_manager_cpu_high'],
    ['order:placed', 'order:placed', 'order:placed'],
  ])('type %s has event type %s and event name %s', (type, eventType, eventName) => {
    expect(eventTypeOf(type)).toBe(eventType);
    expect(snakeCase(eventTypeOf(type))).toBe(eventName);
  });

  it.each([
    ['1', '1', 'error'],
    ['0', '0', 'recovered'],
    ['-', '-', 'stateless'],
    [undefined, '-', 'stateless'],
    ['', '-', 'stateless'],
    ['2', '2', '2'],
  ])('status %j is %s, %s', (status, normalized, text) => {
    expect(statusOf(status)).toBe(normalized);
    expect(statusText(statusOf(status))).toBe(text);
  });

  it.each([
    [1615430559146, 1615430559146],
    ['1615430559146', 1615430559146],
    ['2021-03-11T02:42:39.146Z', 1615430559146],
    ['yesterday', 42],
    [undefined, 42],
    [Number.NaN, 42],
  ])('reads the event time %j as %i', (time, expected) => {
    expect(eventTime(time, 42)).toBe(expected);
  });

  it('reads the standard event as the alarm e-mail shows it', () => {
    expect(alarmFields(deliveryOf(), 'Asia/Shanghai')).toEqual({
      eventId: '13a3f42d-7258-4ada-da6d-023a333b4662',
      source: 'cvm.cloud.tencent',
      type: 'cvm:ErrorEvent:GuestReboot',
      product: 'cvm',
      eventType: 'GuestReboot',
      eventName: 'guest_reboot',
      resource: 'ins-sjksjk',
      subject: 'ins-sjksjk',
      region: 'ap-shanghai',
      regionShort: 'sh',
      time: '2021-03-11 10:42:39',
      timeZone: 'Asia/Shanghai',
      status: '1',
      statusText: 'error',
      rule: 'cvm-alarms',
      bus: 'default',
      data: STANDARD_EVENT.data,
      payload: STANDARD_EVENT,
    });
  });

  it('fills what an event lacks: no subject, region or time', () => {
    const bare = { specversion: '1.0', id: 'e-1', source: 'erp', type: 'order:placed' };
    const fields = alarmFields(deliveryOf(bare), 'UTC');
    expect(fields).toMatchObject({ resource: '-', subject: '', region: '-', regionShort: '', status: '-' });
    expect(fields.time).toBe('2023-11-14 22:13:20');
  });
});
