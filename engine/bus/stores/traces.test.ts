/**
 * @module Tests of delivery traces: lookup by event id (and bus), updates per target, and the size bound.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('reads traces back from its folder; a replayed event keeps its error, the journal decides attempts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowbus-traces-'));
    try {
      const before = await TraceStore.open(dir, 10);
      before.start(1, trace('a'));
      before.update(1, 'r', 't', { status: 'retrying', attempts: 3, error: { type: 'HTTP:STATUS', message: '503' } });
      before.start(2, trace('b'));
      await before.close();

      const after = await TraceStore.open(dir, 10);
      expect(after.get('b')?.targets[0]?.status).toBe('pending');
      const replayed = { ...trace('a'), replayed: true };
      replayed.targets[0] = { ...replayed.targets[0]!, attempts: 2 };
      after.start(7, replayed);
      expect(after.get('a')?.targets[0]).toMatchObject({ status: 'pending', attempts: 2, error: { type: 'HTTP:STATUS' } });
      after.update(7, 'r', 't', { status: 'delivered', attempts: 3 });
      await after.close();
      const again = await TraceStore.open(dir, 10);
      expect(again.get('a')).toMatchObject({ replayed: true, targets: [{ status: 'delivered', attempts: 3 }] });
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
