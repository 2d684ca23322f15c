/**
 * @module Runs executions for the server: wires services (logs, connections, flow lookup), bounds them,
 * records them in the history, and lets shutdown wait for them or cancel them.
 */
import { setMaxListeners } from 'node:events';
import { FlowbusError } from '../../core/errors.js';
import type { ConnectionResolver } from '../../core/step-definition.js';
import type { Logger, LogLevelName } from '../../logging/logger.js';
import type { Redactor } from '../../logging/redact.js';
import type {
  CompiledFlow,
  ExecutionInput,
  ExecutionRecord,
  LogEntry,
  RuntimeServices,
  StepStub,
} from '../../runtime/types.js';
import type { ExecutionLimits } from '../../runtime/limits.js';
import type { Store, StoredExecution } from '../../store/types.js';
import type { ServerMetrics } from '../../metrics/server-metrics.js';
import { FlowAdmission, type FlowAdmissionLimits } from './flow-admission.js';
import type { UnfinishedExecution } from '../../runtime/durable/checkpoints.js';
import type { ExecutionJournal, FinishedExecution } from '../../runtime/durable/execution-journal.js';
import { RecordQueue } from './record-queue.js';
import { toStoredExecution, type RecordBounds } from './stored-record.js';

export interface ExecutionRunnerOptions {
  store: Store;
  logger: Logger;
  redactor: Redactor;
  connections: ConnectionResolver;
  resolveFlow: (flowId: string) => CompiledFlow | undefined;
  /** The environment's `$env` variables. */
  variables?: (name: string) => string | undefined;
  metrics: ServerMetrics;
  timeoutMs: number;
  maxConcurrent: number;
  /** Executions of one flow at once, and how many more may wait; default 64 and 1000. */
  perFlow?: FlowAdmissionLimits;
  /** What one execution may hold, and how much of it the history keeps (`limits.*`); defaults otherwise. */
  limits?: Partial<ExecutionLimits> & Partial<RecordBounds>;
  /** Where durable executions are checkpointed; without it they run in memory. */
  journal?: ExecutionJournal;
}

/** How an execution was started. */
export interface RunOptions {
  /** `http`, `dry-run`, `event`, ... */
  trigger: string;
  flowVersion?: string;
  dryRun?: boolean;
  stubs?: Record<string, StepStub>;
  /** Chosen by the caller when it must answer with the id before the execution ends. */
  executionId?: string;
  /** The caller's own cancellation, on top of shutdown's. */
  signal?: AbortSignal;
  /** Overrides the runner's bound for this execution. */
  timeoutMs?: number;
  /** Continue a durable execution from its last checkpoint (read back from the journal on start). */
  resume?: UnfinishedExecution;
}

/** A finished execution: the full record (for the answer) and what the history keeps. */
export interface RunResult {
  record: ExecutionRecord;
  /** Built when first read: the history entry is made after the answer is written. */
  readonly stored: StoredExecution;
}

/** A finished execution whose history entry is built once, when first needed. */
class FinishedRun implements RunResult {
  private built: StoredExecution | undefined;

  constructor(
    readonly record: ExecutionRecord,
    private readonly build: (record: ExecutionRecord) => StoredExecution,
  ) {}

  get stored(): StoredExecution {
    return (this.built ??= this.build(this.record));
  }
}

/** Runs executions and keeps track of the ones in flight. */
export class ExecutionRunner {
  private readonly inFlight = new Set<Promise<RunResult>>();
  /**
   * One cancellation for every execution: shutdown cancels all that are left at once, so an execution needs
   * no controller of its own beside the runtime's (which also carries its timeout).
   */
  private readonly cancelAll = new AbortController();
  /** Running executions by id: a start with the id of one joins it. */
  private readonly byId = new Map<string, Promise<RunResult>>();
  private readonly services: Partial<RuntimeServices>;
  private readonly admission: FlowAdmission;
  /** Finished executions whose history entry is built and stored after their answer is written. */
  private readonly toRecord: RecordQueue<FinishedRun>;
  private stopping = false;

  constructor(private readonly options: ExecutionRunnerOptions) {
    this.admission = new FlowAdmission(options.perFlow ?? { concurrency: 64, queueSize: 1000 });
    this.toRecord = new RecordQueue(
      (run) => this.recordFinished(run.stored),
      (run, thrown) =>
        options.logger.error('could not record an execution', {
          executionId: run.record.id,
          error: (thrown as Error).message,
        }),
    );
    // Each running execution listens on the shared signal: as many listeners as executions is expected.
    setMaxListeners(0, this.cancelAll.signal);
    const flowLogger = options.logger.child({ source: 'flow' });
    this.services = {
      connections: options.connections,
      resolveFlow: options.resolveFlow,
      variables: options.variables,
      log: (entry: LogEntry) => {
        const level = entry.level.toLowerCase() as LogLevelName;
        if (!flowLogger.enabled(level)) return;
        flowLogger.log(level, entry.content, {
          category: entry.category,
          flowId: entry.flowId,
          executionId: entry.executionId,
          stepId: entry.stepId,
        });
      },
    };
  }

  get running(): number {
    return this.inFlight.size;
  }

  /** True when another execution would exceed the concurrency limit, or shutdown has begun. */
  get saturated(): boolean {
    return this.stopping || this.inFlight.size >= this.options.maxConcurrent;
  }

  /** Why a new execution of the flow would be refused now (its waiting queue is full), or undefined. */
  refusal(flowId: string): string | undefined {
    if (!this.admission.full(flowId)) return undefined;
    return `flow "${flowId}" has every slot taken and ${this.admission.waiting(flowId)} executions waiting to run`;
  }

  /**
   * Runs one execution to its end; never rejects for a flow failure (that is in the record). A start whose
   * `executionId` is running joins that execution; one whose durable execution finished answers its outcome.
   * A new execution waits for a slot of its flow; it is refused with `SERVER:BUSY` when the flow's waiting
   * queue is full, unless the bus started it or it resumes (their own queues and journals bound them).
   */
  run(flow: CompiledFlow, input: ExecutionInput, options: RunOptions): Promise<RunResult> {
    const { executionId } = options;
    if (executionId === undefined) return this.start(flow, input, options);
    const running = this.byId.get(executionId);
    if (running) return running;
    const finished = this.options.journal?.finishedExecution(executionId);
    if (finished && !options.resume) return Promise.resolve(this.finishedResult(finished, options));
    const task = this.start(flow, input, options);
    this.byId.set(executionId, task);
    const forget = () => this.byId.delete(executionId);
    task.then(forget, forget);
    return task;
  }

  /** Resumes durable executions read back unfinished; a flow no longer published is logged and left. */
  resume(unfinished: readonly UnfinishedExecution[], timeoutMs: (trigger?: string) => number): void {
    for (const execution of unfinished) {
      const flow = this.options.resolveFlow(execution.flowId);
      const { executionId, flowId, trigger } = execution;
      if (!flow) {
        this.options.logger.error(`cannot resume execution ${executionId}: flow "${flowId}" is not published`, {
          executionId,
          flowId,
        });
        continue;
      }
      const options = { trigger: trigger ?? 'resume', executionId, resume: execution, timeoutMs: timeoutMs(trigger) };
      this.run(flow, execution.input, options).catch((thrown: Error) =>
        this.options.logger.error(`could not resume execution ${executionId}`, { error: thrown.message }),
      );
    }
    if (unfinished.length > 0) this.options.logger.info(`resuming ${unfinished.length} durable execution(s)`);
  }

  private finishedResult(finished: FinishedExecution, options: RunOptions): RunResult {
    const { outcome } = finished;
    const record: ExecutionRecord = {
      id: finished.executionId,
      flowId: finished.flowId,
      status: outcome.status,
      startedAt: outcome.startedAt,
      endedAt: outcome.endedAt,
      durationMs: outcome.endedAt - outcome.startedAt,
      input: finished.input,
      steps: [],
      logs: [],
      ...(outcome.result ? { result: outcome.result } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    };
    return new FinishedRun(record, (kept) => toStoredExecution(kept, options, this.options.redactor));
  }

  private async start(flow: CompiledFlow, input: ExecutionInput, options: RunOptions): Promise<RunResult> {
    if (this.stopping) throw new FlowbusError('SERVER:STOPPING', 'the server is shutting down');
    // Bus-started and resumed executions wait for a slot but are never refused: nothing may drop them.
    const release = await this.admission.acquire(flow.id, options.trigger === 'event' || Boolean(options.resume));
    try {
      return await this.runAdmitted(flow, input, options);
    } finally {
      release();
    }
  }

  private async runAdmitted(flow: CompiledFlow, input: ExecutionInput, options: RunOptions): Promise<RunResult> {
    if (this.stopping) throw new FlowbusError('SERVER:STOPPING', 'the server is shutting down');
    const shared = this.cancelAll.signal;
    const signal = options.signal ? AbortSignal.any([shared, options.signal]) : shared;
    const task = this.execute(flow, input, options, signal);
    this.inFlight.add(task);
    this.options.metrics.running(this.inFlight.size);
    try {
      return await task;
    } finally {
      this.inFlight.delete(task);
      this.options.metrics.running(this.inFlight.size);
    }
  }

  private async execute(
    flow: CompiledFlow,
    input: ExecutionInput,
    options: RunOptions,
    signal: AbortSignal,
  ): Promise<RunResult> {
    const record = await flow.execute(input, {
      executionId: options.executionId,
      signal,
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
      dryRun: options.dryRun,
      stubs: options.stubs,
      services: this.services,
      limits: this.options.limits,
      // Dry runs and stubbed runs leave no checkpoint: there is nothing to resume of them.
      checkpoints: options.dryRun || options.stubs ? undefined : this.options.journal,
      resume: options.resume,
      trigger: options.trigger,
      flowVersion: options.flowVersion,
    });
    this.options.metrics.executionFinished(record, options.trigger);
    const run = new FinishedRun(record, (finished) => this.storedOf(finished, options));
    this.toRecord.add(run);
    return run;
  }

  /** What the history keeps of a record: summaries, masked credentials and redaction, within the bounds. */
  private storedOf(record: ExecutionRecord, options: RunOptions): StoredExecution {
    const { recordBytes } = this.options.limits ?? {};
    const bounds = recordBytes ? { recordBytes } : undefined;
    const stored = toStoredExecution(record, options, this.options.redactor, bounds);
    if (options.dryRun) stored.dryRun = true;
    return stored;
  }

  private recordFinished(stored: StoredExecution): void {
    this.options.store.addExecution(stored).catch((thrown: Error) =>
      this.options.logger.error('could not record an execution', {
        executionId: stored.id,
        error: thrown.message,
      }),
    );
    this.logFinished(stored);
  }

  /** Stores the history entries still waiting; the store must get them before it closes. */
  flushRecords(): void {
    this.toRecord.drain();
  }

  private logFinished(stored: StoredExecution): void {
    const { logger } = this.options;
    const { flowId, id: executionId, status, durationMs } = stored;
    const fields = { flowId, executionId, status, durationMs };
    if (stored.status === 'succeeded') {
      if (logger.enabled('debug')) logger.debug('execution finished', { ...fields, trigger: stored.trigger });
      return;
    }
    logger.warn(`execution ${stored.status}: ${stored.error?.message ?? 'no error given'}`, {
      ...fields,
      errorType: stored.error?.type,
      stepId: stored.error?.step,
    });
  }

  /**
   * Refuses new executions, waits up to `boundMs` for the running ones, then cancels the rest and waits for
   * them to settle (a cancelled execution ends at once). Returns how many were cancelled.
   */
  async drain(boundMs: number): Promise<number> {
    this.stopping = true;
    if (this.inFlight.size === 0) return this.drained(0);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), boundMs);
    });
    const all = () => Promise.allSettled([...this.inFlight]);
    const outcome = await Promise.race([all(), bound]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return this.drained(0);
    const cancelled = this.inFlight.size;
    this.cancelAll.abort();
    await all();
    return this.drained(cancelled);
  }

  private drained(cancelled: number): number {
    this.flushRecords();
    return cancelled;
  }
}
