/**
 * @module Telling the operator about a damaged bus journal: a warn line per torn tail, an error line per
 * corrupt place (file, byte offset, the copy kept), the damage counters, and `degraded` in health for as
 * long as copies of corrupt segments lie in the journal folder.
 */
import { basename } from 'node:path';
import type { HealthState } from '../../core/health.js';
import type { BusLog } from '../delivery/deps.js';
import type { BusMetrics } from '../../metrics/bus-metrics.js';
import type { JournalDamage } from './bus-journal.js';

/** The component under which `/api/health` lists journal damage. */
export const JOURNAL_HEALTH_COMPONENT = 'bus-journal';

export interface DamageReportDeps {
  log: BusLog;
  metrics: BusMetrics;
  health?: HealthState;
}

/**
 * Logs, counts and reports the damage found when the journal was opened; answers the number of copies of
 * corrupt segments now in the folder (the `flowbus_bus_journal_corrupt_copies` gauge).
 *
 * @example
 * const { journal, damage } = await BusJournal.open(dir);
 * reportJournalDamage(damage, { log, metrics, health });
 */
export function reportJournalDamage(damage: JournalDamage, deps: DamageReportDeps): number {
  const { log, metrics } = deps;
  const corrupt: Array<Record<string, unknown>> = [];
  for (const segment of damage.damaged) {
    for (const { kind, offset, bytes, reason } of segment.damages) {
      metrics.count('flowbus_bus_journal_damage_total', { kind });
      metrics.count('flowbus_bus_journal_damaged_bytes_total', { kind }, bytes);
      const fields = { file: segment.file, offset, bytes, reason };
      const where = `${segment.file} at byte offset ${offset} (${reason}, ${bytes} bytes)`;
      if (kind === 'torn-tail') {
        log('warn', `the bus journal ends in a record cut short by a crash, cut off: ${where}`, fields);
        continue;
      }
      corrupt.push({ ...fields, keptAs: segment.keptAs });
      const message = `bus journal segment is corrupt: ${where}; a copy is kept as ${segment.keptAs}`;
      log('error', `${message}; every intact record is delivered`, { ...fields, keptAs: segment.keptAs });
    }
  }
  const copies = [...damage.keptAside, ...damage.damaged.flatMap((segment) => segment.keptAs ?? [])];
  if (copies.length > 0) {
    const details = { dir: damage.dir, copies: copies.map((copy) => basename(copy)), corrupt };
    deps.health?.degrade(JOURNAL_HEALTH_COMPONENT, healthMessage(damage, corrupt, copies), details);
  }
  return copies.length;
}

function healthMessage(
  damage: JournalDamage,
  corrupt: Array<Record<string, unknown>>,
  copies: string[],
): string {
  const count = `${copies.length} cop${copies.length === 1 ? 'y' : 'ies'}`;
  const kept = `${count} of corrupt segments kept in ${damage.dir}`;
  const advice = 'inspect them, then delete them and restart to clear this';
  if (corrupt.length === 0) return `${kept}; ${advice}`;
  const first = corrupt[0]!;
  const where = `${first.file} at byte offset ${first.offset} (${first.reason})`;
  const more = corrupt.length > 1 ? ` and ${corrupt.length - 1} more place(s)` : '';
  return `the bus journal was corrupt: ${where}${more}; intact records were delivered; ${kept}; ${advice}`;
}
