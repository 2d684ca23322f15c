/**
 * @module The sources of the flows folder as the server runs them: loaded from `*.source.json` files,
 * validated, started, and stopped and started again when their file changes, without a restart; each one's
 * broker state goes to the health state and the API.
 */
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FlowbusError } from '../../core/errors.js';
import type { HealthState } from '../../core/health.js';
import type { ValidationIssue } from '../../core/issues.js';
import { writeFileAtomic } from '../../core/write-file-atomic.js';
import { findFiles } from '../../json/files.js';
import type { GaugeSample } from '../../metrics/bus-metrics.js';
import type { EventBus } from '../event-bus.js';
import { DEFAULT_BUS_ID, RESOURCE_ID_PATTERN } from '../files/format.js';
import { formatSource } from './canonical.js';
import { SOURCE_FILE_SUFFIX, sourceIdFromPath, type SourceDocument } from './format.js';
import { IdLedger } from './id-ledger.js';
import { createSourceIngest, type IngestDeps } from './queue-ingest.js';
import type { RunningSource, SourceProblem, SourceServices, SourceTypeDefinition } from './types.js';
import { parseSourceText, validateSource } from './validate.js';

/** A source as the API shows it; files are named from the flows folder's parent (`flows/x.source.json`). */
export interface SourceView {
  id: string;
  file: string;
  name?: string;
  type?: string;
  bus?: string;
  /** `invalid` (see issues), `disabled`, `connecting`, `running`, `retrying` (broker away or refused). */
  state: 'invalid' | 'disabled' | 'connecting' | 'running' | 'retrying';
  /** File problems, and the broker's reason when it refused the config (with the pointer it concerns). */
  issues: ValidationIssue[];
  since?: number;
}

interface Entry {
  id: string;
  file: string;
  text: string;
  /** The file's JSON when it parsed, valid or not: what the editor opens. */
  json?: unknown;
  document?: SourceDocument;
  issues: ValidationIssue[];
  state: SourceView['state'];
  problem?: SourceProblem;
  since?: number;
  controller?: AbortController;
  running?: Promise<RunningSource | undefined>;
}

export interface SourceManagerOptions extends SourceServices {
  bus: EventBus;
  flowsDir: string;
  /** The id ledger lives in `<dataDir>/sources/`. */
  dataDir: string;
  types: readonly SourceTypeDefinition[];
  sync?: boolean;
}

/** Loads, runs and reloads the sources. */
export class SourceManager {
  private readonly entries = new Map<string, Entry>();
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: SourceManagerOptions,
    private readonly deps: IngestDeps,
  ) {}

  /**
   * Opens the id ledger, reads every source file and starts the valid, enabled ones.
   *
   * @example
   * const sources = await SourceManager.open({ bus, flowsDir, dataDir, types, health, connections });
   */
  static async open(options: SourceManagerOptions): Promise<SourceManager> {
    const ledger = await IdLedger.open(join(options.dataDir, 'sources', 'event-ids.log'), { sync: options.sync });
    const log = options.log ?? (() => undefined);
    const manager = new SourceManager(options, { bus: options.bus, ledger, log });
    options.bus.metrics.observe('flowbus_source_up', () => manager.states());
    await manager.reloadAll();
    return manager;
  }

  list(): SourceView[] {
    return [...this.entries.values()].sort((a, b) => a.id.localeCompare(b.id)).map((entry) => this.view(entry));
  }

  get(id: string): SourceView | undefined {
    const entry = this.entries.get(id);
    return entry && this.view(entry);
  }

  /** The JSON of a source's file as it parsed (valid or not); undefined when unknown or not JSON. */
  json(id: string): unknown {
    return this.entries.get(id)?.json;
  }

  /** The source types the manager knows, for the editor's forms. */
  types(): readonly SourceTypeDefinition[] {
    return this.options.types;
  }

  /** Every issue of a source document as `save` would find them, without saving. */
  check(id: string, json: unknown): ValidationIssue[] {
    const buses = new Set(this.options.bus.buses().map((bus) => bus.id));
    const { issues } = validateSource(json, { file: this.pathFor(id), types: this.options.types, buses });
    return issues.map((issue) => ({ ...issue, file: this.shown(issue.file ?? this.pathFor(id)) }));
  }

  /**
   * Validates, writes the canonical file (atomically) and starts (or restarts) the source from it; throws
   * VALIDATION with every issue. Saves, deletes and reloads run one at a time.
   */
  save(id: string, json: unknown): Promise<{ created: boolean; source: SourceView }> {
    return this.serial(async () => {
      checkSourceId(id);
      const issues = this.check(id, json);
      if (issues.length > 0) {
        throw new FlowbusError('VALIDATION', `source "${id}" has ${issues.length} problem(s)`, { issues });
      }
      const created = !this.entries.has(id);
      const path = this.pathFor(id);
      await writeFileAtomic(path, formatSource(json));
      await this.apply(path);
      return { created, source: this.get(id)! };
    });
  }

  /** Stops a source and deletes its file; false when there was none. */
  delete(id: string): Promise<boolean> {
    return this.serial(async () => {
      const entry = this.entries.get(id);
      if (!entry) return false;
      await this.remove(id);
      await rm(entry.file, { force: true });
      return true;
    });
  }

  /** Reads every source file again; unchanged files keep running, changed ones restart, gone ones stop. */
  reloadAll(): Promise<void> {
    return this.serial(async () => {
      const files = await findFiles([this.options.flowsDir], [SOURCE_FILE_SUFFIX]);
      const seen = new Set(files.map((file) => sourceIdFromPath(file)));
      for (const id of [...this.entries.keys()]) if (!seen.has(id)) await this.remove(id);
      for (const file of files) await this.apply(file);
    });
  }

  /** Applies a change of one file of the flows folder; bus files re-check every source's bus. */
  reloadFile(path: string): Promise<void> {
    if (path.endsWith('.bus.json')) return this.reloadAll();
    if (!path.endsWith(SOURCE_FILE_SUFFIX)) return Promise.resolve();
    return this.serial(() => this.apply(path));
  }

  /** Stops every source (unacknowledged messages return to their brokers) and closes the ledger. */
  async close(): Promise<void> {
    await this.serial(async () => {
      for (const id of [...this.entries.keys()]) await this.remove(id);
    });
    await this.deps.ledger.close();
  }

  /** One series per source for `flowbus_source_up`: 1 while it consumes. */
  private states(): GaugeSample[] {
    const up = ({ id, state }: Entry) => ({ labels: { source: id }, value: state === 'running' ? 1 : 0 });
    return [...this.entries.values()].map(up);
  }

  /** A file as the API names it: relative to the flows folder's parent, with `/`. */
  private shown(file: string): string {
    return relative(dirname(this.options.flowsDir), file).split('\\').join('/');
  }

  private pathFor(id: string): string {
    return this.entries.get(id)?.file ?? join(this.options.flowsDir, `${id}${SOURCE_FILE_SUFFIX}`);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async apply(file: string): Promise<void> {
    const id = sourceIdFromPath(file);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return this.remove(id);
    const buses = new Set(this.options.bus.buses().map((bus) => bus.id));
    const known = this.entries.get(id);
    if (known && known.text === text && (!known.document || buses.has(known.document.bus ?? DEFAULT_BUS_ID))) return;
    await this.remove(id);
    const parsed = parseSourceText(text, { file, types: this.options.types, buses });
    const entry: Entry = { id, file, text, json: parsed.json, issues: parsed.issues, state: 'invalid' };
    if (parsed.document) entry.document = parsed.document;
    this.entries.set(id, entry);
    if (!entry.document) return;
    if (entry.document.enabled === false) entry.state = 'disabled';
    else this.start(entry, entry.document);
  }

  private start(entry: Entry, document: SourceDocument): void {
    const definition = this.options.types.find((type) => type.type === document.type)!;
    const bus = document.bus ?? DEFAULT_BUS_ID;
    const controller = new AbortController();
    const component = `source:${entry.id}`;
    const health: HealthState | undefined = this.options.health;
    entry.controller = controller;
    entry.state = 'connecting';
    entry.since = Date.now();
    const context = {
      id: entry.id,
      bus,
      config: document.config,
      ingest: createSourceIngest(this.deps, { id: entry.id, bus }),
      connections: this.options.connections,
      log: this.deps.log,
      signal: controller.signal,
      report: (problem: SourceProblem | undefined) => {
        if (controller.signal.aborted) return;
        entry.problem = problem;
        if (!problem) return health?.clear(component);
        entry.state = 'retrying';
        const where = { file: entry.file, pointer: problem.pointer };
        health?.degrade(component, `source "${entry.id}": ${problem.message}`, where);
      },
      connected: (up: boolean) => {
        if (controller.signal.aborted) return;
        const metric = up ? 'flowbus_source_connects_total' : 'flowbus_source_disconnects_total';
        this.options.bus.metrics.count(metric, { source: entry.id });
        entry.state = up ? 'running' : 'retrying';
        entry.since = Date.now();
        if (up) {
          entry.problem = undefined;
          health?.clear(component);
        }
      },
    };
    entry.running = Promise.resolve()
      .then(() => definition.start(context))
      .catch((error: Error) => {
        context.report({ pointer: '', message: error.message, retrying: false });
        return undefined;
      });
  }

  private async remove(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    entry.controller?.abort();
    const running = await entry.running;
    await running?.stop().catch((error: Error) => {
      this.deps.log('warn', `source "${id}" did not stop cleanly`, { error: error.message });
    });
    this.options.health?.clear(`source:${id}`);
  }

  private view(entry: Entry): SourceView {
    const { document } = entry;
    const issues = entry.issues.map((issue) => ({ ...issue, file: this.shown(issue.file ?? entry.file) }));
    if (entry.problem) {
      const code = entry.problem.retrying ? 'broker-unavailable' : 'broker-refused';
      issues.push({ file: this.shown(entry.file), pointer: entry.problem.pointer, code, message: entry.problem.message });
    }
    return {
      id: entry.id,
      file: this.shown(entry.file),
      ...(document ? { name: document.name, type: document.type, bus: document.bus ?? DEFAULT_BUS_ID } : {}),
      state: entry.state,
      issues,
      ...(entry.since ? { since: entry.since } : {}),
    };
  }
}

function checkSourceId(id: string): void {
  if (!RESOURCE_ID_PATTERN.test(id)) {
    const expected = 'expected 1 to 64 letters, digits, "_", "." or "-"';
    throw new FlowbusError('API:BAD_REQUEST', `invalid source id "${id}": ${expected}`);
  }
}
