/**
 * @module What the delivery side of the bus works with: stores, journal, traces, metrics, services, time.
 */
import type { Clock } from '../../core/step-definition.js';
import type { RuleCatalog } from '../catalog/rule-catalog.js';
import type { BusJournal } from '../journal/bus-journal.js';
import type { BusMetrics } from '../../metrics/bus-metrics.js';
import type { DeadLetterStore } from '../stores/dead-letters.js';
import type { TraceStore } from '../stores/traces.js';
import type { BusServices } from '../types.js';

/** Where the bus writes what it wants an operator to see. */
export type BusLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export interface DispatcherDeps {
  catalog: RuleCatalog;
  journal: BusJournal;
  deadLetters: DeadLetterStore;
  traces: TraceStore;
  metrics: BusMetrics;
  services: BusServices;
  clock: Clock;
  random: () => number;
  log: BusLog;
  signal: AbortSignal;
}

/** Logs a journal write that failed: the work it recorded is done again after a restart. */
export function journalFailed(deps: Pick<DispatcherDeps, 'log'>, error: unknown): void {
  const message = 'the bus journal could not be written; unfinished work is redelivered after a restart';
  deps.log('error', message, { error: (error as Error).message });
}
