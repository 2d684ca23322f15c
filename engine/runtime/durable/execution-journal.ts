/**
 * @module The execution journal: the checkpoints of durable executions, in checksummed segment files
 * (engine/store/segments) under `<dataDir>/executions/journal/`, group-committed so that concurrent
 * executions share one fdatasync.
 *
 * Records: `{"t":"s","x":id,...}` an execution started (flow, input, trigger); `{"t":"c","x":id,"s":snapshot,
 * "tr":[...],"lg":[...]}` a checkpoint at a step boundary (the persisted xstate snapshot, which holds the
 * message and the scopes' counters and due times, plus the trace and log entries since the last one);
 * `{"t":"d","x":id,"o":outcome}` it finished. On open the unfinished executions are read back, the state is
 * copied into a fresh segment and the old segments are deleted; a full segment is compacted the same way.
 */
import { frameRecord, SegmentFiles, type DamagedSegment } from '../../store/segments/index.js';
import type { CheckpointSink, ExecutionOutcome, ExecutionStart, UnfinishedExecution } from './checkpoints.js';
import type { LogEntry, StepTrace } from '../types.js';

/** The kind named in the header of every execution journal segment. */
export const EXECUTION_JOURNAL_KIND = 'execution-journal';

export interface ExecutionJournalOptions {
  /** fdatasync before an append resolves; default true. */
  sync?: boolean;
  /** The active segment is compacted into a fresh one once it is this large; default 8 MiB. */
  segmentBytes?: number;
  /** Finished executions whose outcome is kept (to answer a start with their id); default 10,000. */
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

const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;

/** The journal of one server's durable executions. */
export class ExecutionJournal implements CheckpointSink {
  private readonly live = new Map<string, LiveExecution>();
  /** In finishing order, oldest first: the oldest is forgotten past `keepFinished`. */
  private readonly done = new Map<string, FinishedExecution>();
  private compacting: Promise<void> | undefined;

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

  /** The outcome of a finished execution still remembered, else undefined. */
  finishedExecution(executionId: string): FinishedExecution | undefined {
    return this.done.get(executionId);
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
    return this.append(frameRecord(JSON.stringify(record)));
  }

  finished(executionId: string, outcome: ExecutionOutcome): Promise<void> {
    this.finish(executionId, outcome);
    return this.append(frameRecord(JSON.stringify({ t: 'd', x: executionId, o: outcome })));
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
    this.done.set(executionId, { ...execution.start, outcome });
    if (this.done.size > this.keepFinished) this.done.delete(this.done.keys().next().value!);
  }

  private async append(line: Buffer): Promise<void> {
    // A record written while the journal is being compacted goes to the fresh segment after the copied state.
    while (this.compacting) await this.compacting;
    await this.files.append([line]);
    if (this.files.activeSize >= this.segmentBytes && !this.compacting) {
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
    for (const { outcome, ...start } of this.done.values()) {
      lines.push(frameRecord(JSON.stringify({ t: 's', x: start.executionId, st: start })));
      lines.push(frameRecord(JSON.stringify({ t: 'd', x: start.executionId, o: outcome })));
    }
    for (const { start, snapshot, trace, logs } of this.live.values()) {
      lines.push(frameRecord(JSON.stringify({ t: 's', x: start.executionId, st: start })));
      if (snapshot !== undefined) {
        lines.push(frameRecord(JSON.stringify({ t: 'c', x: start.executionId, s: snapshot, tr: trace, lg: logs })));
      }
    }
    return lines.length > 0 ? this.files.append(lines) : Promise.resolve();
  }

  private replay(record: JournalRecord): void {
    if (typeof record !== 'object' || record === null || typeof record.x !== 'string') return;
    if (record.t === 's' && record.st) this.live.set(record.x, { start: record.st, trace: [], logs: [] });
    else if (record.t === 'c') {
      const execution = this.live.get(record.x);
      if (!execution) return;
      execution.snapshot = record.s;
      execution.trace.push(...(record.tr ?? []));
      execution.logs.push(...(record.lg ?? []));
    } else if (record.t === 'd' && record.o) this.finish(record.x, record.o);
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
