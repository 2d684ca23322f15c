import { describe, expect, it } from 'vitest';
import { expiredPrefix, pruneFlowHistory } from './retention.js';
import type { StoredExecution } from './types.js';

function execution(id: string, startedAt: number): StoredExecution {
  return {
    id,
    flowId: 'f',
    status: 'succeeded',
    trigger: 'http',
    startedAt,
    endedAt: startedAt + 1,
    durationMs: 1,
    input: { payload: null },
    steps: [],
    logs: [],
  };
}

describe('pruneFlowHistory', () => {
  const now = 1_000_000;
  it.each([
    ['keeps everything within bounds', 5, 1000, [999_100, 999_500, 999_900], [], ['a', 'b', 'c']],
    ['drops the oldest beyond the count', 2, 1000, [999_100, 999_500, 999_900], ['a'], ['b', 'c']],
    ['drops the ones too old', 5, 60, [900, 950, 999_990], ['a', 'b'], ['c']],
    ['keeps none with a count of 0', 0, 1000, [999_999], ['a'], []],
    ['drops an old start that ended late', 5, 100, [999_950, 10, 999_990], ['b'], ['a', 'c']],
  ])('%s', (_name, maxPerFlow, maxAgeMs, starts, dropped, kept) => {
    const list = starts.map((startedAt, index) => execution('abc'[index]!, startedAt));
    expect(pruneFlowHistory(list, { maxPerFlow, maxAgeMs }, now)).toEqual(dropped);
    expect(list.map((item) => item.id)).toEqual(kept);
  });
});

describe('expiredPrefix', () => {
  const now = 1_000_000;
  it.each([
    ['nothing outside the bounds', 5, 1000, [999_100, 999_500, 999_900], 0],
    ['the oldest beyond the count', 2, 1000, [999_100, 999_500, 999_900], 1],
    ['the ones too old', 5, 60, [900, 950, 999_990], 2],
    ['count and age together', 2, 60, [900, 999_950, 999_990, 999_995], 2],
    ['all with a count of 0', 0, 1000, [999_999, 999_999], 2],
    ['all when every one is too old', 5, 10, [1, 2, 3], 3],
  ])('drops %s', (_name, maxPerFlow, maxAgeMs, starts, expected) => {
    expect(expiredPrefix(starts.length, (index) => starts[index]!, { maxPerFlow, maxAgeMs }, now)).toBe(expected);
  });
});
