/**
 * @module The `log-store` target: keeps each event in the bus's searchable log store.
 */
import type { TargetTypeDefinition } from '../types.js';

/** `log-store`: archives events; the API searches them by time, bus, source, type, subject and status. */
export const logStoreTarget: TargetTypeDefinition<Record<string, never>> = {
  type: 'log-store',
  title: 'Log store',
  description:
    'Keeps every matching event in the log store (with the ids of the rules that sent it), searchable ' +
    'through `GET /api/log-store/search` by time range, bus, source, type, subject and status, newest ' +
    'first. Entries older than the retention are removed.',
  config: { type: 'object', properties: {}, additionalProperties: false },
  batching: true,
  defaultRetry: { maxAttempts: 10, initialDelayMs: 100, maxDelayMs: 5000 },
  async deliver(batch, { services }) {
    await services.logStore.append(batch);
    return { detail: `stored ${batch.length} event${batch.length === 1 ? '' : 's'}` };
  },
};
