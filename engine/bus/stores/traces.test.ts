/**
 * @module Tests of delivery traces: lookup by event id (and bus), updates per target, and the size bound.
 */
import { describe, expect, it } from 'vitest';
import { TraceStore, type EventTrace } from './traces.js';

function trace(eventId: string, bus = 'default'): EventTrace {
  return {
    eventId,
    bus,
    acceptedAt: 1,
    replayed: false,
    matchedRules: ['r'],
    targets: [{ rule: 'r', target: 't', type: 'webhook', status: 'pending', attempts: 0, updatedAt: 1 }],
  };
}

describe('TraceStore', () => {
  it('finds the newest trace of an event id, updates a target, and forgets the oldest past its limit', () => {
    const traces = new TraceStore(2);
    traces.start(1, trace('a'));
    traces.start(2, trace('a', 'retail'));
    traces.update(2, 'r', 't', { status: 'delivered', attempts: 1 });
    traces.update(2, 'r', 'missing', { status: 'dropped' });
    expect(traces.get('a')?.bus).toBe('retail');
    expect(traces.get('a', 'default')?.bus).toBe('default');
    expect(traces.get('a')?.targets).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1 })]);
    traces.start(3, trace('b'));
    expect(traces.get('a', 'default')).toBeUndefined();
    expect(traces.get('a', 'retail')).toBeDefined();
    expect(traces.get('b')).toBeDefined();
    expect(traces.get('nope')).toBeUndefined();
  });
});
