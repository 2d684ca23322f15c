/**
 * @module Shared fixtures of the message-push tests: the vendor's standard event as a delivery, and its alarm
 * lines in the default message.
 */
import type { DeliveryItem } from '../../engine/sdk.js';

/** The standard event of the vendor's guide (region Shanghai, so its short region is the sample's `sh`). */
export const STANDARD_EVENT = {
  specversion: '1.0',
  id: '13a3f42d-7258-4ada-da6d-023a333b4662',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:GuestReboot',
  subject: 'ins-sjksjk',
  time: 1615430559146,
  region: 'ap-shanghai',
  resource: ['qcs::eb:ap-shanghai:uid125000000:eventbusid/eventruleid'],
  datacontenttype: 'application/json;charset=utf-8',
  tags: { key1: 'value1' },
  status: '1',
  data: {
    appId: '1250000011',
    instanceId: 'ins-sjksjk',
    projectId: '11',
    dimensions: { ip: '10.0.0.12' },
    additionalMsg: { IP: 'something unnormal' },
  },
};

/** The alarm lines of the default message for {@link STANDARD_EVENT}, shown in Asia/Shanghai. */
export const STANDARD_ALARM_LINES = [
  'Alarm event: GuestReboot',
  'Alarmed service: cvm',
  'Alarmed resource: ins-sjksjk',
  'Alarm region: ap-shanghai',
  'Event occurrence time: 2021-03-11 10:42:39 (Asia/Shanghai)',
  'Event status: error',
];

/** `event` as the bus hands it to a target of rule `rule` on the default bus. */
export function deliveryOf(
  event: Record<string, unknown> = STANDARD_EVENT,
  rule = 'cvm-alarms',
): DeliveryItem {
  const busEvent = event as DeliveryItem['event'];
  const acceptedAt = 1_700_000_000_000;
  return { event: busEvent, payload: busEvent, transformed: false, bus: 'default', rule, acceptedAt };
}
