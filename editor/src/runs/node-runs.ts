/**
 * @module The result of every canvas node in a run: steps by their trace, scopes from the steps inside.
 */
import type { NodeRun } from '../editor/editor-context.js';
import type { StoredExecution } from '../api/types.js';
import type { StepCatalog } from '../model/catalog.js';
import type { DraftFlow } from '../model/draft.js';
import { startsWith, toPointer } from '../model/paths.js';
import { isScope } from '../model/scopes.js';
import { walkFlow } from '../model/walk.js';
import { indexTrace, scopeRun } from './trace.js';

/**
 * Results by node pointer. A step the run never reached is `not-run`; a scope is judged by the steps inside.
 *
 * @example
 * nodeRuns(draft, catalog, record).get('/steps/0'); // { status: 'succeeded', durationMs: 3.2, runs: 1 }
 */
export function nodeRuns(draft: DraftFlow, catalog: StepCatalog, record: StoredExecution): Map<string, NodeRun> {
  const byId = indexTrace(record);
  const entries = [...walkFlow(draft, catalog)].filter((entry) => entry.kind === 'step');
  const runs = new Map<string, NodeRun>();
  for (const entry of entries) {
    const step = entry.node;
    if (isScope(step, catalog.get(step.type)) && !byId.has(step.id)) {
      const inside = new Set(
        entries.filter((other) => other !== entry && startsWith(other.path, entry.path)).map((other) => other.node.id),
      );
      runs.set(toPointer(entry.path), scopeRun(record, inside) ?? 'not-run');
    } else runs.set(toPointer(entry.path), byId.get(step.id) ?? 'not-run');
  }
  return runs;
}
