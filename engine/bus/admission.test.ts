/**
 * @module Tests of bus admission: each bound refuses with its type, status-bearing details and the bound's
 * config key in the message; under the bounds nothing is refused.
 */
import { describe, expect, it } from 'vitest';
import { admitEvents, type AdmissionState } from './admission.js';

function state(overrides: Partial<AdmissionState> = {}): AdmissionState {
  return {
    limits: { maxUnsettledEvents: 100, maxQueuedPerTarget: 10 },
    unsettled: () => 0,
    fullestQueue: () => undefined,
    ...overrides,
  };
}

describe('admitEvents', () => {
  it('admits events under every bound', () => {
    expect(() => admitEvents(state({ unsettled: () => 90, fullestQueue: () => ({ target: 'r/t', size: 9 }) }), 'b', 10)).not.toThrow();
  });

  it('refuses a request that would pass the unsettled bound of its bus', () => {
    expect(() => admitEvents(state({ unsettled: () => 95 }), 'orders', 10)).toThrow(
      expect.objectContaining({
        type: 'BUS:BACKPRESSURE',
        message: expect.stringContaining('bus "orders" has 95 events not yet delivered (limits.busUnsettledEvents is 100)'),
        details: expect.objectContaining({ retryAfterSeconds: 1 }),
      }),
    );
  });

  it('refuses while a target of the bus has a full queue', () => {
    const full = state({ fullestQueue: () => ({ target: 'rule/slow', size: 10 }) });
    expect(() => admitEvents(full, 'b', 1)).toThrow(
      expect.objectContaining({ type: 'BUS:BACKPRESSURE', message: expect.stringContaining('target "rule/slow"') }),
    );
  });

  it('answers overload first, with a longer Retry-After', () => {
    const overloaded = state({ overloaded: () => 'the heap is 90% full (limit 85%)' });
    expect(() => admitEvents(overloaded, 'b', 1)).toThrow(
      expect.objectContaining({ type: 'SERVER:OVERLOADED', details: { retryAfterSeconds: 5 } }),
    );
  });
});
