/**
 * @module Tests of notification windows and zoned times: open or not, across midnight and time zones, how
 * long until a window opens, and bad times and zones.
 */
import { describe, expect, it } from 'vitest';
import { isOpenAt, msUntilOpen, parseTimeOfDay, parseTimeWindow } from './time-window.js';
import { checkTimeZone, formatZoned, secondOfDay } from './zoned-time.js';

const at = (text: string) => parseTimeOfDay(text, 'test');
const window = (from: string, to: string) => parseTimeWindow({ from, to });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00:00', 0],
    ['09:30:00', 34_200],
    ['23:59:59', 86_399],
  ])('%s is second %i of the day', (text, second) => {
    expect(at(text)).toBe(second);
  });

  it.each([['24:00:00'], ['9:30:00'], ['09:30'], ['09:60:00'], ['09:30:00 '], [''], [930], [null]])(
    'refuses %j with a non-retryable VALIDATION error naming the field',
    (value) => {
      expect(() => parseTimeOfDay(value, 'timeWindow.from')).toThrow(
        expect.objectContaining({
          type: 'VALIDATION',
          message: expect.stringContaining('timeWindow.from must be a time of day "HH:mm:ss"'),
          details: { field: 'timeWindow.from', retryable: false },
        }),
      );
    },
  );

  it('refuses an unknown outside policy', () => {
    const bad = () => parseTimeWindow({ from: '09:00:00', to: '10:00:00', outside: 'later' as never }, 'w');
    expect(bad).toThrow('w.outside must be "hold" or "drop", got "later"');
  });
});

describe('isOpenAt', () => {
  it.each([
    ['09:30:00', '23:30:00', '09:29:59', false],
    ['09:30:00', '23:30:00', '09:30:00', true],
    ['09:30:00', '23:30:00', '12:00:00', true],
    ['09:30:00', '23:30:00', '23:30:00', true],
    ['09:30:00', '23:30:00', '23:30:01', false],
    ['09:30:00', '23:30:00', '03:00:00', false],
    // Across midnight: 22:00 to 06:00.
    ['22:00:00', '06:00:00', '21:59:59', false],
    ['22:00:00', '06:00:00', '22:00:00', true],
    ['22:00:00', '06:00:00', '00:00:00', true],
    ['22:00:00', '06:00:00', '06:00:00', true],
    ['22:00:00', '06:00:00', '06:00:01', false],
    ['22:00:00', '06:00:00', '12:00:00', false],
    // Equal ends: all day.
    ['00:00:00', '00:00:00', '13:14:15', true],
    ['00:00:00', '23:59:59', '23:59:59', true],
  ])('window %s-%s at %s is open: %s', (from, to, time, open) => {
    expect(isOpenAt(window(from, to), at(time))).toBe(open);
  });
});

describe('msUntilOpen', () => {
  const day = window('09:30:00', '23:30:00');
  const night = window('22:00:00', '06:00:00');

  it.each([
    ['open: 10:00 in Shanghai', day, Date.UTC(2024, 0, 1, 2), 'Asia/Shanghai', 0],
    ['08:00 in Shanghai', day, Date.UTC(2024, 0, 1, 0), 'Asia/Shanghai', 90 * MINUTE],
    ['23:45 in Shanghai: next morning', day, Date.UTC(2024, 0, 1, 15, 45), 'Asia/Shanghai', 585 * MINUTE],
    ['08:00 UTC', day, Date.UTC(2024, 0, 1, 8), 'UTC', 90 * MINUTE],
    ['08:00 in Kolkata (+05:30)', day, Date.UTC(2024, 0, 1, 2, 30), 'Asia/Kolkata', 90 * MINUTE],
    ['night window, 12:00 in Berlin (winter)', night, Date.UTC(2024, 0, 15, 11), 'Europe/Berlin', 10 * HOUR],
    ['night window, open at 03:00 in Berlin', night, Date.UTC(2024, 0, 15, 2), 'Europe/Berlin', 0],
    ['within a second', day, Date.UTC(2024, 0, 1, 1, 29, 59, 400), 'Asia/Shanghai', 600],
  ])('%s', (_name, open, now, zone, expected) => {
    expect(msUntilOpen(open, now, zone)).toBe(expected);
  });

  it('is an hour off across a daylight saving change, and right when checked again', () => {
    // New York springs forward on 2024-03-10 at 02:00; at 00:00 the wall clock says 09:30 is 9.5 h away.
    const beforeChange = Date.UTC(2024, 2, 10, 5);
    const firstWait = msUntilOpen(day, beforeChange, 'America/New_York');
    expect(firstWait).toBe(9.5 * HOUR);
    expect(secondOfDay(beforeChange + firstWait, 'America/New_York')).toBe(at('10:30:00'));
    expect(msUntilOpen(day, beforeChange + firstWait, 'America/New_York')).toBe(0);
  });
});

describe('formatZoned', () => {
  it.each([
    [1615430559146, 'Asia/Shanghai', '2021-03-11 10:42:39'],
    [1615430559146, 'UTC', '2021-03-11 02:42:39'],
    [1615430559146, 'America/Los_Angeles', '2021-03-10 18:42:39'],
    [Date.UTC(2024, 0, 1, 16), 'Asia/Shanghai', '2024-01-02 00:00:00'],
  ])('%i in %s is %s', (epoch, zone, text) => {
    expect(formatZoned(epoch, zone)).toBe(text);
  });

  it.each([['Mars/Olympus'], ['Asia/Shangai'], ['']])('refuses the time zone %j, not retryable', (zone) => {
    expect(() => checkTimeZone(zone)).toThrow(
      expect.objectContaining({ type: 'VALIDATION', details: { field: 'timeZone', retryable: false } }),
    );
  });
});
