/**
 * @module Tests of delivery traces: lookup by event id (and bus), updates per target, the size bound, the
 * budget of event bodies, search, and traces read back from their folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS_TRACED, TraceStore, type EventTrace } from './traces.js';

function trace(eventId: string, bus = 'default', more: Partial<EventTrace> = {}): EventTrace {
  return {
    eventId,
    bus,
    acceptedAt: 1,
    source: 'cvm.cloud.tencent',
    type: 'alarm',
    replayed: false,
    matchedRules: ['r'],
    targets: [{ rule: 'r', target: 't', type: 'webhook', status: 'pending', attempts: 0, updatedAt: 1 }],
    ...more,
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

  it('drops the oldest event bodies past the budget and keeps their summaries', () => {
    const body = (id: string) => ({ id, data: 'x'.repeat(40) });
    const size = JSON.stringify(body('a')).length;
    const traces = new TraceStore(10, size * 2);
    for (const id of ['a', 'b', 'c']) traces.start(id.charCodeAt(0), trace(id, 'default', { event: body(id) }));
    expect(traces.get('a')?.event).toBeUndefined();
    expect(traces.get('a')?.source).toBe('cvm.cloud.tencent');
    expect(traces.get('b')?.event).toEqual(body('b'));
    expect(traces.get('c')?.event).toEqual(body('c'));
  });

  it('lists traces newest first by every filter, with paging', () => {
    const traces = new TraceStore(10);
    traces.start(1, trace('a', 'default', { acceptedAt: 100, subject: 'ins-1' }));
    traces.start(2, trace('b', 'retail', { acceptedAt: 200, type: 'order' }));
    traces.start(3, trace('c', 'default', { acceptedAt: 300, subject: 'ins-1', matchedRules: ['other'] }));
    traces.update(3, 'r', 't', { status: 'dead-lettered' });
    const ids = (query: Parameters<TraceStore['list']>[0]) => traces.list(query).items.map((item) => item.eventId);
    expect(ids({})).toEqual(['c', 'b', 'a']);
    expect(ids({ bus: 'default' })).toEqual(['c', 'a']);
    expect(ids({ subject: 'ins-1', from: 150 })).toEqual(['c']);
    expect(ids({ to: 250, type: 'alarm' })).toEqual(['a']);
    expect(ids({ rule: 'r' })).toEqual(['b', 'a']);
    expect(ids({ status: 'dead-lettered' })).toEqual(['c']);
    expect(ids({ source: 'nope' })).toEqual([]);
    expect(traces.list({ limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ eventId: 'b' }] });
  });

  it('keeps the first and the newest attempts of a long retry series, and updates by event id', () => {
    const traces = new TraceStore(10);
    traces.start(7, trace('a', 'retail'));
    for (let attempt = 1; attempt <= 20; attempt++) {
      traces.update(7, 'r', 't', { attempts: attempt }, { attempt, at: attempt, outcome: 'failed' });
    }
    const log = traces.get('a')!.targets[0]!.attemptLog!;
    expect(log.map((entry) => entry.attempt)).toEqual([1, 2, 3, 4, 5, 6, 15, 16, 17, 18, 19, 20]);
    expect(log).toHaveLength(MAX_ATTEMPTS_TRACED);
    traces.updateEvent('a', 'retail', 'r', 't', { status: 'delivered' }, { attempt: 21, at: 21, outcome: 'redriven' });
    traces.updateEvent('a', 'default', 'r', 't', { status: 'dropped' });
    expect(traces.get('a')!.targets[0]).toMatchObject({ status: 'delivered', attempts: 20 });
    expect(traces.get('a')!.targets[0]!.attemptLog!.at(-1)).toEqual({ attempt: 21, at: 21, outcome: 'redriven' });
  });

  it('reads traces back from its folder; a replayed event keeps its error, the journal decides attempts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowbus-traces-'));
    try {
      const before = await TraceStore.open(dir, 10);
      before.start(1, trace('a', 'default', { event: { id: 'a' } }));
      before.update(1, 'r', 't', { status: 'retrying', attempts: 3, error: { type: 'HTTP:STATUS', message: '503' } });
      before.start(2, trace('b'));
      await before.close();

      const after = await TraceStore.open(dir, 10);
      expect(after.get('b')?.targets[0]?.status).toBe('pending');
      // Bodies stay in memory only.
      expect(after.get('a')?.event).toBeUndefined();
      const replayed = { ...trace('a'), replayed: true };
      replayed.targets[0] = { ...replayed.targets[0]!, attempts: 2 };
      // The journal numbers events from 1 again after a restart: seq 1 is another event's trace now.
      after.start(1, replayed);
      expect(after.get('a')?.targets[0]).toMatchObject({ status: 'pending', attempts: 2, error: { type: 'HTTP:STATUS' } });
      expect(after.list().total).toBe(2);
      after.update(1, 'r', 't', { status: 'delivered', attempts: 3 });
      await after.close();
      const again = await TraceStore.open(dir, 10);
      expect(again.get('a')).toMatchObject({ replayed: true, targets: [{ status: 'delivered', attempts: 3 }] });
      expect(again.get('b')).toBeDefined();
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
