/**
 * @module Runs an execution as an actor of the flow's machine. A durable one gets a checkpoint at each step
 * boundary after a step with effects and around a scope's own work (a wait), the next work held until that
 * checkpoint is on disk, and a resume from a persisted snapshot that starts the work of its state again.
 */
import { createActor, type Snapshot } from 'xstate';
import { FlowbusError, toFlowError } from '../core/errors.js';
import type { ExecutionEnv, RunState, WorkEffects } from './environment.js';
import type { Driver, Ending } from './execute.js';
import type { FlowMachine } from './machine.js';
import type { SizeMemo } from '../core/value-size.js';
import { summarizeValue, SUMMARY_LIMIT } from './summary.js';
import type { StepTrace } from './types.js';
import type { CheckpointSink, UnfinishedExecution } from './durable/checkpoints.js';

/** A trace entry as a checkpoint keeps it: the output bounded like a stored record's (sizes memoised). */
function boundedEntry(entry: StepTrace, sizes: SizeMemo): StepTrace {
  return entry.output === undefined ? entry : { ...entry, output: summarizeValue(entry.output, SUMMARY_LIMIT, sizes) };
}

/** Runs the machine as an xstate actor, checkpointing into `sink` (when given) and resuming from `resume`. */
export function actorDriver(machine: FlowMachine, sink?: CheckpointSink, resume?: UnfinishedExecution): Driver {
  return {
    start(context: RunState, env: ExecutionEnv, done: (ending: Ending) => void) {
      const restored = resume?.snapshot as { context?: RunState } | undefined;
      let actor: ReturnType<typeof createActor<FlowMachine>>;
      try {
        // Resolving the checkpointed state throws when the flow no longer has it.
        if (restored) machine.resolveState(restored as never);
        actor = restored
          ? createActor(machine, {
              input: context,
              snapshot: { ...restored, context: { ...restored.context!, run: context.run } } as never,
            })
          : createActor(machine, { input: context });
      } catch (thrown) {
        // The flow was changed since the checkpoint so that the state it was in no longer exists.
        const reason = thrown instanceof Error ? thrown.message : String(thrown);
        const message = `cannot resume execution ${env.executionId} of flow "${env.flowId}" from its checkpoint: ${reason}`;
        done({ status: 'failed', error: { type: 'EXECUTION:RESUME', message } });
        return { stop: () => {} };
      }
      if (sink) env.beforeWork = checkpointer(sink, env, () => actor.getSnapshot(), actor);
      actor.subscribe({
        complete: () => {
          const snapshot = actor.getSnapshot();
          if (snapshot.value === 'succeeded') done({ status: 'succeeded', message: snapshot.context.message });
          else done({ status: 'failed', error: snapshot.context.error ?? unknownFailure() });
        },
        error: (thrown) => done({ status: 'failed', error: toFlowError(thrown) }),
      });
      actor.start();
      if (restored) actor.send({ type: 'work.resume' });
      return { stop: () => actor.stop() };
    },
  };
}

/**
 * What a durable execution does before each state's work: writes a checkpoint of the state just entered when
 * the work before had effects (or is a scope's own work, such as a wait: its due time must be on disk), or
 * when this work is a scope's, and holds the work until that checkpoint is on disk. Pure steps leave no
 * checkpoint: a crash re-runs them from the last one, which holds the message they started from.
 */
function checkpointer(
  sink: CheckpointSink,
  env: ExecutionEnv,
  current: () => { status: string; value: unknown; context: unknown; children: object; historyValue: object },
  actor: { getPersistedSnapshot(): unknown },
): (effects: WorkEffects) => Promise<void> {
  env.fresh = { trace: [], logs: [] };
  let unsaved = false;
  return async (effects) => {
    // The work starts in the state's entry action; the state's snapshot is complete one microtask later.
    await null;
    const needed = unsaved || effects === 'scope';
    unsaved = effects !== 'none';
    if (!needed) return;
    const snapshot = current();
    if (snapshot.status !== 'active' || env.closed) return;
    const fresh = env.fresh!;
    env.fresh = { trace: [], logs: [] };
    const trace = fresh.trace.map((entry) => boundedEntry(entry, env.sizes));
    try {
      await sink.checkpoint(env.executionId, persistedSnapshot(snapshot, actor), trace, fresh.logs);
    } catch (thrown) {
      const reason = thrown instanceof Error ? thrown.message : String(thrown);
      const message = `could not write the checkpoint of execution ${env.executionId}: ${reason}`;
      throw new FlowbusError('EXECUTION:CHECKPOINT', message);
    }
    // Waiting for the write handed the event loop back: no need to yield again before the step.
    env.lastYieldAt = performance.now();
  };
}

/**
 * The persisted form of `snapshot`, as xstate's `getPersistedSnapshot` gives it. The flow machine has no
 * children and no history states, and its context is plain data (no actor refs to replace), so the fields are
 * taken as they are instead of xstate cloning the snapshot and walking the whole context; a snapshot that has
 * children or history goes through xstate.
 */
export function persistedSnapshot(
  snapshot: { status: string; value: unknown; context: unknown; children: object; historyValue: object },
  actor: { getPersistedSnapshot(): unknown },
): Snapshot<unknown> {
  const { status, value, context, children, historyValue } = snapshot;
  for (const _ in children) return actor.getPersistedSnapshot() as Snapshot<unknown>;
  for (const _ in historyValue) return actor.getPersistedSnapshot() as Snapshot<unknown>;
  return { status, value, context, children: {}, historyValue: {} } as unknown as Snapshot<unknown>;
}

function unknownFailure() {
  return { type: 'FLOWBUS:UNEXPECTED', message: 'the execution failed without an error' };
}
