/**
 * @module What an alarm message says about an event: product, event type, resource, region, time and status,
 * read the way the vendor's alarm e-mail reads them.
 */
import type { DeliveryItem } from '../../engine/sdk.js';
import { formatZoned } from '../schedule/zoned-time.js';
import { shortRegion } from './region.js';

/** The fields that templates read (`{{ product }}`, `{{ time }}`, ...). */
export interface AlarmFields {
  eventId: string;
  source: string;
  /** The whole type: `cvm:ErrorEvent:GuestReboot`. */
  type: string;
  /** `cvm` for `cvm.cloud.tencent`. */
  product: string;
  /** `GuestReboot`: the last part of a `<product>:<kind>:<name>` type, else the whole type. */
  eventType: string;
  /** `guest_reboot`: the event type in snake case, as the callback's `eventName`. */
  eventName: string;
  /** The resource the alarm is about: the event's `subject`, `-` when it has none. */
  resource: string;
  subject: string;
  /** `ap-guangzhou`; `-` when the event has none. */
  region: string;
  /** `gz` */
  regionShort: string;
  /** When the event happened, `YYYY-MM-DD HH:mm:ss` in `timeZone`. */
  time: string;
  timeZone: string;
  /** `1`, `0`, `-` (missing or empty counts as `-`). */
  status: string;
  /** `error`, `recovered`, `stateless`, or the status itself when it is none of the three. */
  statusText: string;
  /** The rule id and bus that matched. */
  rule: string;
  bus: string;
  data: unknown;
  /** What the target received: the rule's transform output, or the event. */
  payload: unknown;
}

const STATUS_TEXT: Readonly<Record<string, string>> = { '1': 'error', '0': 'recovered', '-': 'stateless' };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The product of an event: `cvm` for source `cvm.cloud.tencent`; else the part of `type` before its first
 * colon; else the source.
 */
export function productOf(source: string, type: string): string {
  if (source.endsWith('.cloud.tencent')) return source.slice(0, source.indexOf('.'));
  const colon = type.indexOf(':');
  return colon > 0 ? type.slice(0, colon) : source;
}

/** `GuestReboot` of `cvm:ErrorEvent:GuestReboot`; a type of fewer than three parts is kept whole. */
export function eventTypeOf(type: string): string {
  const parts = type.split(':');
  return parts.length >= 3 ? parts[parts.length - 1]! : type;
}

/**
 * Snake case: `GuestReboot` -> `guest_reboot`, `TaskManagerCPUHigh` -> `task_manager_cpu_high`,
 * `ping_unreachable` stays.
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s.-]+/g, '_')
    .toLowerCase();
}

/** The status as the vendor writes it: `1`, `0` or `-` (missing or empty). */
export function statusOf(status: unknown): string {
  if (status === undefined || status === null || status === '') return '-';
  return String(status);
}

/** `error` for `1`, `recovered` for `0`, `stateless` for `-`; any other status as it is. */
export function statusText(status: string): string {
  return STATUS_TEXT[status] ?? status;
}

/**
 * The event's time in epoch milliseconds: a number (the vendor's form), a numeric string or an RFC 3339
 * string; `fallback` when it has none that parses.
 */
export function eventTime(time: unknown, fallback: number): number {
  if (typeof time === 'number' && Number.isFinite(time)) return time;
  if (typeof time === 'string' && time.trim() !== '') {
    const parsed = /^\d+$/.test(time) ? Number(time) : Date.parse(time);
    if (Number.isFinite(parsed)) return parsed;
  }
  return fallback;
}

/**
 * The alarm fields of a delivery; the time is the event's (else when the bus accepted it) in `timeZone`.
 *
 * @example
 * alarmFields(item, 'Asia/Shanghai').statusText; // 'error' for status "1"
 */
export function alarmFields(item: DeliveryItem, timeZone: string): AlarmFields {
  const { event } = item;
  const type = text(event.type);
  const source = text(event.source);
  const eventType = eventTypeOf(type);
  const region = text(event.region);
  const status = statusOf(event.status);
  return {
    eventId: event.id,
    source,
    type,
    product: productOf(source, type),
    eventType,
    eventName: snakeCase(eventType),
    resource: text(event.subject) || '-',
    subject: text(event.subject),
    region: region || '-',
    regionShort: shortRegion(region),
    time: formatZoned(eventTime(event.time, item.acceptedAt), timeZone),
    timeZone,
    status,
    statusText: statusText(status),
    rule: item.rule,
    bus: item.bus,
    data: event.data,
    payload: item.payload,
  };
}
