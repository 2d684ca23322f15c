import { describe, expect, it } from 'vitest';
import { createHealthState } from './health.js';

describe('health state', () => {
  it('keeps one problem per component, its first time, and forgets it when cleared', () => {
    let clock = 1000;
    const health = createHealthState(() => clock);
    expect(health.problems()).toEqual([]);
    health.degrade('bus-journal', 'segment 3 is corrupt', { offset: 10 });
    clock = 2000;
    health.degrade('bus-journal', 'segments 3 and 4 are corrupt');
    health.degrade('store', 'data file kept aside');
    expect(health.problems()).toEqual([
      { component: 'bus-journal', message: 'segments 3 and 4 are corrupt', since: 1000 },
      { component: 'store', message: 'data file kept aside', since: 2000 },
    ]);
    health.clear('bus-journal');
    expect(health.problems().map((problem) => problem.component)).toEqual(['store']);
  });
});
