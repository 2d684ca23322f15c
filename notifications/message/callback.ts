/**
 * @module The webhook callback body: the vendor's alarm callback JSON, built from the event field by field
 * (the table is in notifications/README.md).
 */
import type { DeliveryItem } from '../../engine/sdk.js';
import type { AlarmFields } from './alarm-fields.js';

/** One `additionalMsg` entry. */
export interface KeyValue {
  key: string;
  value: string;
}

/** The body POSTed to a receiver's webhook. */
export interface AlarmCallbackBody {
  sessionId: string;
  alarmStatus: string;
  alarmType: 'event';
  alarmObjInfo: {
    region: string;
    dimensions: { unInstanceId: string; objDetail: Record<string, unknown>; deviceName?: string };
  };
  alarmPolicyInfo: {
    policyName: string;
    conditions: { productName: string; eventName: string; alarmNotifyType: ''; alarmNotifyPeriod: '' };
  };
  additionalMsg: KeyValue[];
  firstOccurTime: string;
  durationTime: number;
  recoverTime: string;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** `data.dimensions`, with `deviceLanIp` taken from `ip` when absent (CVM events carry `ip`). */
export function objectDetail(dimensions: JsonObject): JsonObject {
  const detail = { ...dimensions };
  if (detail.deviceLanIp === undefined && typeof detail.ip === 'string') detail.deviceLanIp = detail.ip;
  return detail;
}

function additionalMessages(data: JsonObject, alias: string, detail: JsonObject): KeyValue[] {
  const entries: KeyValue[] = [{ key: 'alias', value: alias }];
  const seen = new Set(['alias']);
  const extra = isObject(data.additionalMsg) ? data.additionalMsg : {};
  for (const [key, value] of [...Object.entries(detail), ...Object.entries(extra)]) {
    if (seen.has(key) || value === undefined || value === null) continue;
    seen.add(key);
    entries.push({ key, value: asText(value) });
  }
  return entries;
}

/**
 * The callback body for one event.
 *
 * @example
 * alarmCallbackBody(item, alarmFields(item, 'Asia/Shanghai')).alarmPolicyInfo.conditions.eventName;
 * // 'guest_reboot' for type cvm:ErrorEvent:GuestReboot
 */
export function alarmCallbackBody(item: DeliveryItem, fields: AlarmFields): AlarmCallbackBody {
  const data = isObject(item.event.data) ? item.event.data : {};
  const detail = objectDetail(isObject(data.dimensions) ? data.dimensions : {});
  const deviceName = text(data.deviceName) || text(data.instanceName);
  const alias = text(data.alias) || deviceName || fields.subject;
  return {
    sessionId: fields.eventId,
    alarmStatus: fields.status,
    alarmType: 'event',
    alarmObjInfo: {
      region: fields.regionShort,
      dimensions: { unInstanceId: fields.subject, objDetail: detail, ...(deviceName ? { deviceName } : {}) },
    },
    alarmPolicyInfo: {
      policyName: fields.rule,
      conditions: {
        productName: fields.product,
        eventName: fields.eventName,
        alarmNotifyType: '',
        alarmNotifyPeriod: '',
      },
    },
    additionalMsg: additionalMessages(data, alias, detail),
    firstOccurTime: fields.time,
    durationTime: 0,
    recoverTime: '0',
  };
}
