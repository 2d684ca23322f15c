/**
 * @module Wall-clock time in an IANA time zone: the parts of an instant, and the vendor's
 * `YYYY-MM-DD HH:mm:ss` text form.
 */
import { FlowbusError } from '../../engine/sdk.js';

/** An instant as a wall clock in some zone shows it. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    const message = `unknown time zone "${timeZone}": expected an IANA name such as Asia/Shanghai`;
    throw new FlowbusError('VALIDATION', message, { field: 'timeZone', retryable: false });
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws a non-retryable VALIDATION error when `timeZone` is not a time zone this runtime knows. */
export function checkTimeZone(timeZone: string): string {
  formatterFor(timeZone);
  return timeZone;
}

/**
 * The wall-clock parts of `epochMs` in `timeZone`.
 *
 * @example
 * zonedParts(Date.UTC(2021, 2, 11, 2, 42, 39), 'Asia/Shanghai'); // { year: 2021, ..., hour: 10, ... }
 */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = parts as unknown as ZonedParts;
  return { year, month, day, hour: hour % 24, minute, second };
}

/** Seconds since the wall clock's midnight, 0 to 86399. */
export function secondOfDay(epochMs: number, timeZone: string): number {
  const { hour, minute, second } = zonedParts(epochMs, timeZone);
  return hour * 3600 + minute * 60 + second;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * `YYYY-MM-DD HH:mm:ss` of `epochMs` in `timeZone`, as the vendor's alarm messages write times.
 *
 * @example
 * formatZoned(1615430559146, 'Asia/Shanghai'); // '2021-03-11 10:42:39'
 */
export function formatZoned(epochMs: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = zonedParts(epochMs, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
