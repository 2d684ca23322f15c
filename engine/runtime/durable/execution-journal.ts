/**
 * @module The execution journal: the checkpoints of durable executions, in checksummed segment files
 * (engine/store/segments) under `<dataDir>/executions/journal/`, group-committed so that concurrent
 * executions share one fdatasync.
 *
 * Records: `{"t":"s","x":id,...}` an execution started (flow, input, trigger); `{"t":"c","x":id,"s":snapshot,
 * "tr":[...],"lg":[...]}` a checkpoint at a step boundary (the persisted xstate snapshot, which holds the
 * message and the scopes' counters and due times, plus the trace and log entries since the last one);
 * `{"t":"d","x":id,"o":outcome}` it finished. Checkpoints and outcomes write the input's payload and
 * attributes as markers where they still hold them, and the checkpointed message (or its vars) as a marker
 * where a trace output, a scope's field or the outcome's result is it (input-references.ts). On open the
 * unfinished executions are read back, the state is copied into a fresh segment and the old segments are deleted; a full segment is compacted the same way
 * (once it is at least 4 times the size of the state, so that compaction costs a bounded share of the writes).
 */
import { frameRecord, SegmentFiles, type DamagedSegment } from '../../store/segments/index.js';
import type { CheckpointSink, ExecutionOutcome, ExecutionStart, UnfinishedExecution } from './checkpoints.js';
import type { Message } from '../../core/message.js';
import type { ExecutionInput, LogEntry, StepTrace } from '../types.js';
import { markFields, markInput, restoreInput } from './input-references.js';

/** The kind named in the header of every execution journal segment. */
export const EXECUTION_JOURNAL_KIND = 'execution-journal';

export interface ExecutionJournalOptions {
  /** fdatasync before an append resolves; default true. */
  sync?: boolean;
  /** The active segment is compacted into a fresh one once it is this large; default 16 MiB. */
  segmentBytes?: number;
  /**
   * Finished executions whose outcome is kept (to answer a start with their id); default 10,000. The result
   * message of the newest 1,000 is kept too, until the journal is compacted or reopened.
   */
  keepFinished?: number;
}

interface LiveExecution {
  start: ExecutionStart;
  snapshot?: unknown;
  trace: StepTrace[];
  logs: LogEntry[];
}

export interface FinishedExecution extends ExecutionStart {
  outcome: ExecutionOutcome;
}

const DEFAULT_SEGMENT_BYTES = 16 * 1024 * 1024;
/** Finished executions whose result message is kept in memory. */
const KEPT_RESULTS = 1000;

/** The journal of one server's durable executions. */
export class ExecutionJournal implements CheckpointSink {
  private readonly live = new Map<string, LiveExecution>();
  /** In finishing order, oldest first: the oldest is forgotten past `keepFinished`. Without results. */
  private readonly done = new Map<string, FinishedExecution>();
  /** The result messages of the newest finished executions (a few: they hold whole messages in memory). */
  private readonly results = new Map<string, ExecutionOutcome['result']>();
  private compacting: Promise<void> | undefined;
  /** Bytes of the state written by the last compaction: the next one waits until the segment is 4 times that. */
  private stateBytes = 0;

  private constructor(
    private readonly files: SegmentFiles,
    private readonly segmentBytes: number,
    private readonly keepFinished: number,
  ) {}

  /**
   * Opens the journal in `dir` and reads back every execution that had not finished.
   *
   * @example
   * const { journal, unfinished } = await ExecutionJournal.open('data/executions/journal');
   * for (const execution of unfinished) resume(execution);
   */
  static async open(
    dir: string,
    options: ExecutionJournalOptions = {},
  ): Promise<{ journal: ExecutionJournal; unfinished: UnfinishedExecution[]; damaged: readonly DamagedSegment[] }> {
    const files = await SegmentFiles.open(dir, { kind: EXECUTION_JOURNAL_KIND, sync: options.sync ?? true });
    const journal = new ExecutionJournal(
      files,
      options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
      options.keepFinished ?? 10_000,
    );
    for await (const { value } of files.readAll()) journal.replay(value as JournalRecord);
    await files.start();
    const old = [...files.found];
    await journal.writeState();
    for (const segment of old) await files.remove(segment);
    const unfinished = [...journal.live.values()].map(({ start, snapshot, trace, logs }) => ({
      ...start,
      snapshot,
      trace,
      logs,
    }));
    return { journal, unfinished, damaged: files.damaged };
  }

  /** Executions started and not finished. */
  get unfinishedCount(): number {
    return this.live.size;
  }

  /** The outcome of a finished execution still remembered (with its result when among the newest), else undefined. */
  finishedExecution(executionId: string): FinishedExecution | undefined {
    const finished = this.done.get(executionId);
    const result = this.results.get(executionId);
    return finished && result !== undefined ? { ...finished, outcome: { ...finished.outcome, result } } : finished;
  }

  started(start: ExecutionStart): Promise<void> {
    this.live.set(start.executionId, { start, trace: [], logs: [] });
    return this.append(frameRecord(JSON.stringify({ t: 's', x: start.executionId, st: start })));
  }

  checkpoint(executionId: string, snapshot: unknown, trace: StepTrace[], logs: LogEntry[]): Promise<void> {
    const execution = this.live.get(executionId);
    if (execution) {
      execution.snapshot = snapshot;
      execution.trace.push(...trace);
      execution.logs.push(...logs);
    }
    const record: JournalRecord = { t: 'c', x: executionId, s: snapshot };
    if (trace.length > 0) record.tr = trace;
    if (logs.length > 0) record.lg = logs;
    return this.append(frameRecord(JSON.stringify(execution ? markRecord(record, execution.start.input) : record)));
  }

  finished(executionId: string, outcome: ExecutionOutcome): Promise<void> {
    const execution = this.live.get(executionId);
    const record: JournalRecord = { t: 'd', x: executionId, o: outcome };
    this.finish(executionId, outcome);
    if (!execution) return this.append(frameRecord(JSON.stringify(record)));
    const marked = markRecord(record, execution.start.input, checkpointedMessage(execution.snapshot));
    return this.append(frameRecord(JSON.stringify(marked)));
  }

  /** Waits for pending appends and compaction, then closes the files. */
  async close(): Promise<void> {
    while (this.compacting) await this.compacting;
    await this.files.close();
  }

  private finish(executionId: string, outcome: ExecutionOutcome): void {
    const execution = this.live.get(executionId);
    this.live.delete(executionId);
    if (!execution) return;
    this.done.delete(executionId);
    // The input is not kept: the outcome is what a later start with the same id is answered with.
    const { input: _input, ...start } = execution.start;
    const { result, ...kept } = outcome;
    this.done.set(executionId, { ...start, input: { payload: null }, outcome: kept });
    if (this.done.size > this.keepFinished) this.done.delete(this.done.keys().next().value!);
    this.results.delete(executionId);
    if (result !== undefined) this.results.set(executionId, result);
    if (this.results.size > KEPT_RESULTS) this.results.delete(this.results.keys().next().value!);
  }

  private async append(line: Buffer): Promise<void> {
    // A record written while the journal is being compacted goes to the fresh segment after the copied state.
    while (this.compacting) await this.compacting;
    await this.files.append([line]);
    const size = this.files.activeSize;
    if (size >= this.segmentBytes && size >= 4 * this.stateBytes && !this.compacting) {
      this.compacting = this.compact().finally(() => (this.compacting = undefined));
    }
  }

  /** Starts a fresh segment holding the whole state, then deletes the older ones. */
  private async compact(): Promise<void> {
    const closed = await this.files.rotate();
    await this.writeState();
    for (const segment of [...this.files.found, closed]) {
      if (segment !== this.files.active) await this.files.remove(segment);
    }
  }

  /** The state in records: each live execution's start and its checkpoints merged into one, the outcomes. */
  private writeState(): Promise<void> {
    const lines: Buffer[] = [];
    // Outcomes are copied without their result message: a copy costs little however many are kept.
    for (const { outcome, ...start } of this.done.values()) {
      lines.push(frameRecord(JSON.stringify({ t: 's', x: start.executionId, st: start })));
      lines.push(frameRecord(JSON.stringify({ t: 'd', x: start.executionId, o: outcome })));
    }
    for (const { start, snapshot, trace, logs } of this.live.values()) {
      lines.push(frameRecord(JSON.stringify({ t: 's', x: start.executionId, st: start })));
      if (snapshot !== undefined) {
        const record: JournalRecord = { t: 'c', x: start.executionId, s: snapshot, tr: trace, lg: logs };
        lines.push(frameRecord(JSON.stringify(markRecord(record, start.input))));
      }
    }
    this.stateBytes = lines.reduce((total, line) => total + line.length, 0);
    return lines.length > 0 ? this.files.append(lines) : Promise.resolve();
  }

  private replay(record: JournalRecord): void {
    if (typeof record !== 'object' || record === null || typeof record.x !== 'string') return;
    if (record.t === 's' && record.st) {
      this.live.set(record.x, { start: record.st, trace: [], logs: [] });
      return;
    }
    const execution = this.live.get(record.x);
    const restored = execution ? restoreRecord(record, execution.start.input, checkpointedMessage(execution.snapshot)) : record;
    if (restored.t === 'c' && execution) {
      execution.snapshot = restored.s;
      execution.trace.push(...(restored.tr ?? []));
      execution.logs.push(...(restored.lg ?? []));
    } else if (restored.t === 'd' && restored.o) this.finish(restored.x, restored.o);
  }
}

interface JournalRecord {
  t: 's' | 'c' | 'd';
  x: string;
  st?: ExecutionStart;
  s?: unknown;
  tr?: StepTrace[];
  lg?: LogEntry[];
  o?: ExecutionOutcome;
}

type PersistedContext = { context?: { message?: object; scopes?: Record<string, unknown> } };

/**
 * A checkpoint or outcome record with the input's payload and attributes marked where they are reused, and
 * the checkpointed message marked where a trace output or a scope's field is that very message.
 */
function markRecord(record: JournalRecord, input: ExecutionInput, lastMessage?: object): JournalRecord {
  const marked: JournalRecord = { ...record };
  const snapshot = record.s as PersistedContext | undefined;
  const message = snapshot?.context?.message;
  // An outcome's result is most often the message of the last checkpoint, or holds its vars.
  if (record.o?.result) marked.o = { ...record.o, result: markInput(record.o.result, input, lastMessage) as Message };
  if (record.tr) {
    marked.tr = record.tr.map((entry) =>
      entry.output === undefined ? entry : { ...entry, output: markInput(entry.output, input, message) },
    );
  }
  if (snapshot?.context) {
    const { context } = snapshot;
    const scopes: Record<string, unknown> = {};
    for (const [id, scope] of Object.entries(context.scopes ?? {})) scopes[id] = markFields(scope, input, message);
    marked.s = { ...snapshot, context: { ...context, message: markInput(context.message, input), scopes } };
  }
  return marked;
}

/** The message of a persisted snapshot, if it has one. */
function checkpointedMessage(snapshot: unknown): object | undefined {
  return (snapshot as PersistedContext | undefined)?.context?.message;
}

/**
 * A record read back: the input's objects, and the checkpointed message where it was marked, put back (an
 * outcome's markers name the message of the execution's last checkpoint, `lastMessage`).
 */
function restoreRecord(record: JournalRecord, input: ExecutionInput, lastMessage?: object): JournalRecord {
  const context = (record.s as PersistedContext | undefined)?.context;
  const message = context?.message === undefined ? lastMessage : restoreInput(context.message, input);
  const restored = restoreInput(record, input, message) as JournalRecord;
  const restoredContext = (restored.s as PersistedContext | undefined)?.context;
  // The message and the outputs that were it are one object again, as they were when written.
  if (restoredContext && message !== undefined) restoredContext.message = message as object;
  return restored;
}
