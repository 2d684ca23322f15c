/**
 * @module Daily notification windows (`09:30:00`–`23:30:00` in a time zone): whether one is open, and how
 * long until it opens.
 */
import { FlowbusError } from '../../engine/sdk.js';
import type { TimeWindowConfig } from '../config/schema.js';
import { secondOfDay } from './zoned-time.js';

const DAY_SECONDS = 86_400;

/** A window in seconds of the day. */
export interface TimeWindow {
  from: number;
  to: number;
  outside: 'hold' | 'drop';
  /** `09:30:00–23:30:00`, for messages. */
  label: string;
}

/** Seconds since midnight of `HH:mm:ss`; a non-retryable VALIDATION error names `field` otherwise. */
export function parseTimeOfDay(text: unknown, field: string): number {
  const match = typeof text === 'string' ? /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/.exec(text) : null;
  if (!match) {
    const shown = typeof text === 'string' ? `"${text}"` : String(text);
    const message = `${field} must be a time of day "HH:mm:ss" from 00:00:00 to 23:59:59, got ${shown}`;
    throw new FlowbusError('VALIDATION', message, { field, retryable: false });
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** The window of a config; `where` prefixes the field names in errors (`receivers[0].timeWindow`). */
export function parseTimeWindow(config: TimeWindowConfig, where = 'timeWindow'): TimeWindow {
  const from = parseTimeOfDay(config.from, `${where}.from`);
  const to = parseTimeOfDay(config.to, `${where}.to`);
  const outside = config.outside ?? 'hold';
  if (outside !== 'hold' && outside !== 'drop') {
    const message = `${where}.outside must be "hold" or "drop", got ${JSON.stringify(outside)}`;
    throw new FlowbusError('VALIDATION', message, { field: `${where}.outside`, retryable: false });
  }
  return { from, to, outside, label: `${config.from}–${config.to}` };
}

/**
 * Whether a second of the day lies in the window: `from` to `to`, both included. A window whose `to` is
 * before its `from` crosses midnight; one whose `to` equals its `from` is open all day.
 *
 * @example
 * isOpenAt({ from: 81_000, to: 23_400, outside: 'hold', label: '22:30:00–06:30:00' }, 3_600); // true
 */
export function isOpenAt(window: TimeWindow, second: number): boolean {
  const { from, to } = window;
  if (from === to) return true;
  return from < to ? second >= from && second <= to : second >= from || second <= to;
}

/**
 * Milliseconds from `now` until the window next opens in `timeZone`; 0 when it is open. Across a daylight
 * saving change the answer can be an hour off: callers check again when they wake.
 *
 * @example
 * // 08:00:00 in Shanghai (00:00 UTC), window 09:30:00–23:30:00: 90 minutes
 * const window = parseTimeWindow({ from: '09:30:00', to: '23:30:00' });
 * msUntilOpen(window, Date.UTC(2024, 0, 1, 0), 'Asia/Shanghai'); // 5_400_000
 */
export function msUntilOpen(window: TimeWindow, now: number, timeZone: string): number {
  const second = secondOfDay(now, timeZone);
  if (isOpenAt(window, second)) return 0;
  const seconds = (window.from - second + DAY_SECONDS) % DAY_SECONDS;
  const intoSecond = ((now % 1000) + 1000) % 1000;
  return Math.max(1, seconds * 1000 - intoSecond);
}
