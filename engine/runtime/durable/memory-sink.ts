/**
 * @module For tests: a checkpoint sink in memory that keeps what the execution journal would read back.
 */
import type { CheckpointSink, ExecutionStart, UnfinishedExecution } from './checkpoints.js';

/** The sink, the executions it holds unfinished (as a restart would read them), and the finished ids. */
export function memorySink() {
  const unfinished = new Map<string, UnfinishedExecution>();
  const finished = new Set<string>();
  let checkpoints = 0;
  const sink: CheckpointSink = {
    async started(start: ExecutionStart) {
      unfinished.set(start.executionId, { ...start, trace: [], logs: [] });
    },
    async checkpoint(id, snapshot, trace, logs) {
      checkpoints++;
      const execution = unfinished.get(id)!;
      // A copy, as the journal's JSON text is: nothing the running execution changes later leaks in.
      execution.snapshot = JSON.parse(JSON.stringify(snapshot));
      execution.trace.push(...JSON.parse(JSON.stringify(trace)));
      execution.logs.push(...logs);
    },
    async finished(id) {
      unfinished.delete(id);
      finished.add(id);
    },
  };
  return { sink, unfinished, finished, checkpoints: () => checkpoints };
}
