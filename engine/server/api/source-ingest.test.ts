/**
 * @module Tests of a source's ingest: an event is published once, a later copy is a duplicate, and every
 * message taken is counted by its outcome.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBusApp, type BusApp } from './testing.js';
import { IdLedger } from '../../bus/sources/id-ledger.js';
import { createSourceIngest } from '../../bus/sources/queue-ingest.js';
import type { SourceIngest } from '../../bus/sources/types.js';

const event = { specversion: '1.0', id: 'order-1', source: 'test.erp', type: 'order.placed', data: {} };

let app: BusApp;
let ledger: IdLedger;
let ingest: SourceIngest;

beforeEach(async () => {
  app = await startBusApp();
  ledger = await IdLedger.open(join(app.dataDir, 'sources', 'event-ids.log'), { sync: false });
  ingest = createSourceIngest({ bus: app.bus, ledger, log: () => undefined }, { id: 'orders', bus: 'default' });
});

afterEach(async () => {
  await ledger.close();
  await app.close();
});

const counted = (outcome: string) =>
  app.bus.metrics.value('flowbus_source_messages_total', { source: 'orders', outcome });

describe('createSourceIngest', () => {
  it('publishes an event once and counts a later copy as a duplicate', async () => {
    expect(await ingest.accept(event)).toEqual({ status: 'accepted', id: 'order-1' });
    expect(await ingest.accept(event)).toEqual({ status: 'duplicate', id: 'order-1' });
    expect(await counted('accepted')).toBe(1);
    expect(await counted('duplicate')).toBe(1);
  });

  // Regression: a copy delivered while the first was still being published shared its outcome uncounted,
  // so the duplicate was missing from the metrics whenever a broker redelivered quickly.
  it('counts a copy that arrives while the first is still being published', async () => {
    const outcomes = await Promise.all([ingest.accept(event), ingest.accept(event)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['accepted', 'duplicate']);
    expect(await counted('accepted')).toBe(1);
    expect(await counted('duplicate')).toBe(1);
    expect(await app.bus.metrics.value('flowbus_bus_events_accepted_total', { bus: 'default' })).toBe(1);
  });
});
