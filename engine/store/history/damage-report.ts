/**
 * @module Telling the operator about a damaged execution history: a warn line per torn tail, an error line
 * per corrupt place (file, byte offset, the copy kept), and `degraded` in health for as long as copies of
 * damaged segments lie in the history folder.
 */
import { basename } from 'node:path';
import type { HealthState } from '../../core/health.js';
import type { Logger } from '../../logging/logger.js';
import type { HistoryDamage, RecordDamage } from './execution-history.js';

/** The component under which `/api/health` lists history damage. */
export const HISTORY_HEALTH_COMPONENT = 'store-history';

/**
 * Logs the damage found when the history was opened and degrades health while copies are kept; answers
 * the copies now in the folder.
 *
 * @example
 * const { store, historyDamage } = await openLowdbStore(options);
 * reportHistoryDamage(historyDamage, logger, health);
 */
export function reportHistoryDamage(damage: HistoryDamage, logger: Logger, health: HealthState): string[] {
  const corrupt: RecordDamage[] = [];
  for (const segment of damage.damaged) {
    for (const { kind, offset, bytes, reason } of segment.damages) {
      const where = `${segment.file} at byte offset ${offset} (${reason}, ${bytes} bytes)`;
      if (kind === 'torn-tail') {
        logger.warn(`the execution history ends in a record cut short by a crash, cut off: ${where}`, {
          file: segment.file,
          offset,
        });
        continue;
      }
      corrupt.push({ file: segment.file, offset, reason, keptAs: segment.keptAs });
    }
  }
  corrupt.push(...damage.records);
  for (const place of corrupt) logHistoryDamage(place, logger);
  const copies = new Set([...damage.keptAside, ...corrupt.flatMap((place) => place.keptAs ?? [])]);
  if (copies.size > 0) {
    const names = [...copies].map((copy) => basename(copy));
    const first = corrupt[0];
    const found = first ? `a record in ${first.file} at byte offset ${first.offset} is unusable (${first.reason}); ` : '';
    const message = `${found}${names.length} cop${names.length === 1 ? 'y' : 'ies'} of damaged history segments kept in ${damage.dir}; inspect them, then delete them and restart to clear this`;
    health.degrade(HISTORY_HEALTH_COMPONENT, message, { dir: damage.dir, copies: names, corrupt });
  }
  return [...copies];
}

/** The error line of one unusable record; every intact record stays listed. */
export function logHistoryDamage(damage: RecordDamage, logger: Logger): void {
  const kept = damage.keptAs ? `; a copy of its segment is kept as ${damage.keptAs}` : '';
  logger.error(`execution history record is unusable: ${damage.file} at byte offset ${damage.offset} (${damage.reason})${kept}`, {
    ...damage,
  });
}
