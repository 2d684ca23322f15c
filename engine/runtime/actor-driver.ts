/**
 * @module Runs an execution as an actor of the flow's machine. A durable one gets a checkpoint at every step
 * boundary (each new snapshot of the machine), the next step's work held until that checkpoint is on disk,
 * and a resume from a persisted snapshot that starts the work of the state it was in again.
 */
import { createActor, type Snapshot } from 'xstate';
import { FlowbusError, toFlowError } from '../core/errors.js';
import type { ExecutionEnv, RunState } from './environment.js';
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
      if (sink) {
        let checkpointed: Promise<void> = Promise.resolve();
        env.fresh = { trace: [], logs: [] };
        // The snapshot is taken as the state is entered; its work waits (one microtask, then the write).
        env.beforeWork = async () => {
          await null;
          await checkpointed.catch((thrown: unknown) => {
            const reason = thrown instanceof Error ? thrown.message : String(thrown);
            const message = `could not write the checkpoint of execution ${env.executionId}: ${reason}`;
            throw new FlowbusError('EXECUTION:CHECKPOINT', message);
          });
          // Waiting for the write handed the event loop back: no need to yield again before the step.
          env.lastYieldAt = performance.now();
        };
        // The first snapshot is the start (or the checkpoint resumed from): the start record stands for it.
        let first = true;
        actor.subscribe((snapshot) => {
          if (first) {
            first = false;
            return;
          }
          if (snapshot.status !== 'active' || env.closed) return;
          const fresh = env.fresh!;
          env.fresh = { trace: [], logs: [] };
          const persisted = persistedSnapshot(snapshot, actor);
          const trace = fresh.trace.map((entry) => boundedEntry(entry, env.sizes));
          checkpointed = sink.checkpoint(env.executionId, persisted, trace, fresh.logs);
          checkpointed.catch(() => {});
        });
      }
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
