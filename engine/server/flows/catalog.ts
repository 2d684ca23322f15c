/**
 * @module The flow catalog: every flow file, validated and compiled once per version, with the version that
 * is served. A new valid version replaces the served one; an invalid one leaves the previous version serving.
 */
import { mkdir, rm } from 'node:fs/promises';
import { FlowbusError } from '../../core/errors.js';
import type { ValidationIssue } from '../../core/issues.js';
import type { Registry } from '../../core/registry.js';
import { flowIdFromPath } from '../../flow/document.js';
import { findFlowFiles } from '../../flow/load.js';
import { checkJsonDepth, validateFlow, validateFlowSliced } from '../../flow/validate.js';
import { nextTurn } from '../../expressions/warm.js';
import type { Logger } from '../../logging/logger.js';
import type { CompiledFlow } from '../../runtime/types.js';
import type { Store } from '../../store/types.js';
import { displayPath, flowVersion, newFlowPath, readFlowText, writeFileAtomic } from './flow-file.js';
import { buildFlowState, reportFlowState, type BuildContext } from './flow-builder.js';
import { canonicalFlowText, DEFAULT_FLOW_SIZE, stepCountIssue, type FlowSizeLimits } from './flow-size.js';
import { servedVersion, type FlowState, type ServedVersion } from './flow-state.js';

export interface FlowCatalogOptions<Prepared> {
  flowsDir: string;
  registry: Registry;
  store: Store;
  logger: Logger;
  /** Builds what serving a valid version needs (its trigger); throws `VALIDATION` to refuse the version. */
  prepare: (compiled: CompiledFlow, version: string) => Prepared;
  /** Called after any change to what is served. */
  onChange: () => void;
  now?: () => number;
  /** Nesting of objects and arrays allowed in a flow (`limits.jsonDepth`); default DEFAULT_JSON_DEPTH. */
  maxJsonDepth?: number;
  /** How large a flow may be (`limits.flowSteps`, `limits.flowBytes`); the defaults otherwise. */
  sizeLimits?: FlowSizeLimits;
}

/** How a save may go: create only, or update only the version the caller last read. */
export interface SaveOptions {
  create?: boolean;
  ifMatch?: string;
}

/** Flows by id, kept in step with the flows folder. */
export class FlowCatalog<Prepared = unknown> {
  private readonly flows = new Map<string, FlowState<Prepared>>();
  private published: Record<string, { published: boolean }> = {};
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly sizeLimits: FlowSizeLimits;

  constructor(private readonly options: FlowCatalogOptions<Prepared>) {
    this.now = options.now ?? Date.now;
    this.sizeLimits = options.sizeLimits ?? DEFAULT_FLOW_SIZE;
  }

  /** Reads every flow file under the flows folder (created when missing). */
  async loadAll(): Promise<void> {
    await mkdir(this.options.flowsDir, { recursive: true });
    this.published = await this.options.store.listPublishStates();
    await this.rescan();
  }

  /** Re-reads the folder: new and changed files are applied, vanished ones removed. */
  rescan(): Promise<void> {
    return this.exclusive(async () => {
      const paths = await findFlowFiles([this.options.flowsDir]);
      const seen = new Set(paths);
      // Known ids first, so that a flow referencing another one validates on the first pass.
      const known = new Set(paths.map(flowIdFromPath));
      for (const path of paths) await this.apply(path, await readFlowText(path), known);
      for (const state of [...this.flows.values()]) {
        if (!seen.has(state.path)) await this.apply(state.path, undefined);
      }
    });
  }

  /** Applies the current content of one file (after a change on disk). */
  syncPath(path: string): Promise<void> {
    return this.exclusive(async () => this.apply(path, await readFlowText(path)));
  }

  list(): FlowState<Prepared>[] {
    return [...this.flows.values()].sort((left, right) => (left.id < right.id ? -1 : 1));
  }

  get(id: string): FlowState<Prepared> | undefined {
    return this.flows.get(id);
  }

  /** The version served for `id`, if any. */
  served(id: string): ServedVersion<Prepared> | undefined {
    const state = this.flows.get(id);
    return state && state.servingIssues.length === 0 ? servedVersion(state) : undefined;
  }

  /** Every problem of a document, as saving it would report them. */
  validate(json: unknown, id?: string): ValidationIssue[] {
    const { flowsDir } = this.options;
    const file = id ? displayPath(flowsDir, this.get(id)?.path ?? newFlowPath(flowsDir, id)) : undefined;
    const knownFlows = new Set([...this.flows.keys(), ...(id ? [id] : [])]);
    const { maxJsonDepth } = this.options;
    const tooMany = stepCountIssue(json, this.sizeLimits);
    if (tooMany) return [{ ...(file ? { file } : {}), ...tooMany }];
    return validateFlow(json, this.options.registry, { file, knownFlows, maxJsonDepth });
  }

  /** Writes a valid document in canonical form and serves it; refuses an invalid one with its issues. */
  save(
    id: string,
    json: unknown,
    options: SaveOptions = {},
  ): Promise<{ state: FlowState<Prepared>; created: boolean }> {
    return this.exclusive(async () => {
      // The file may have changed on disk without the watcher noticing (Node 20's recursive watch on Linux
      // loses files replaced by rename): read it again, so a stale version is never overwritten silently.
      const known = this.flows.get(id);
      if (known) await this.apply(known.path, await readFlowText(known.path));
      const existing = this.flows.get(id);
      if (options.create && existing) {
        throw new FlowbusError('FLOW:EXISTS', `a flow with id "${id}" exists already`, { flowId: id });
      }
      if (options.ifMatch !== undefined && existing?.version !== options.ifMatch) {
        const message = `flow "${id}" has changed since version ${options.ifMatch}`;
        throw new FlowbusError('FLOW:VERSION_MISMATCH', message, { flowId: id, version: existing?.version });
      }
      const path = existing?.path ?? newFlowPath(this.options.flowsDir, id);
      // Before the writer, which is recursive: a document nested too deeply is refused, never written.
      const { flowsDir, maxJsonDepth } = this.options;
      const tooDeep = checkJsonDepth(json, { file: displayPath(flowsDir, path), maxJsonDepth });
      if (tooDeep.length > 0) {
        throw new FlowbusError('VALIDATION', `flow "${id}": ${tooDeep[0]!.message}`, { issues: tooDeep });
      }
      const file = displayPath(this.options.flowsDir, path);
      const text = await canonicalFlowText(json, file, this.options.registry, this.sizeLimits);
      // Built once before writing, so that nothing that cannot be served (a bad path, say) reaches the file.
      const source = { id, path, file, text, version: flowVersion(text) };
      const context = this.buildContext(id);
      const { knownFlows } = context;
      const validation = { file, knownFlows, maxJsonDepth };
      const issues = await validateFlowSliced(JSON.parse(text), this.options.registry, validation);
      await nextTurn();
      const state = buildFlowState(source, existing, { ...context, issues });
      if (state.issues.length > 0) {
        const message = `flow "${id}" has ${state.issues.length} problem(s): ${state.issues[0]!.message}`;
        throw new FlowbusError('VALIDATION', message, { issues: state.issues });
      }
      await mkdir(this.options.flowsDir, { recursive: true });
      await writeFileAtomic(path, text);
      await this.apply(path, text, undefined, state);
      return { state: this.flows.get(id)!, created: !existing };
    });
  }

  /** Deletes the flow's file and stops serving it. */
  remove(id: string): Promise<void> {
    return this.exclusive(async () => {
      const state = this.require(id);
      await rm(state.path, { force: true });
      await this.apply(state.path, undefined);
      await this.options.store.deletePublishState(id);
      delete this.published[id];
    });
  }

  /** Switches serving on or off; the switch is kept in the store. */
  setPublished(id: string, published: boolean): Promise<FlowState<Prepared>> {
    return this.exclusive(async () => {
      const state = this.require(id);
      await this.options.store.setPublishState(id, { published, updatedAt: this.now() });
      this.published[id] = { published };
      if (state.published !== published) {
        state.published = published;
        this.options.logger.info(published ? 'flow published' : 'flow unpublished', { flowId: id });
        this.options.onChange();
      }
      return state;
    });
  }

  /** Replaces the serving problems (path conflicts) found while building the trigger table. */
  setServingIssues(byFlow: ReadonlyMap<string, ValidationIssue[]>): void {
    for (const state of this.flows.values()) state.servingIssues = byFlow.get(state.id) ?? [];
  }

  /** The flow of `id`; throws `FLOW:NOT_FOUND` when there is none. */
  require(id: string): FlowState<Prepared> {
    const state = this.flows.get(id);
    if (!state) throw new FlowbusError('FLOW:NOT_FOUND', `no flow with id "${id}"`, { flowId: id });
    return state;
  }

  private buildContext(id: string, known?: ReadonlySet<string>): BuildContext<Prepared> {
    return {
      registry: this.options.registry,
      prepare: this.options.prepare,
      now: this.now,
      knownFlows: known ?? new Set([...this.flows.keys(), id]),
      published: this.published[id]?.published ?? true,
      maxJsonDepth: this.options.maxJsonDepth,
      sizeLimits: this.sizeLimits,
    };
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  private async apply(
    path: string,
    text: string | undefined,
    known?: Set<string>,
    built?: FlowState<Prepared>,
  ): Promise<void> {
    const id = flowIdFromPath(path);
    const existing = this.flows.get(id);
    if (existing && existing.path !== path) {
      if (text === undefined) return;
      const ignored = displayPath(this.options.flowsDir, path);
      const message = `flow id "${id}" is used by two files; the second is ignored`;
      this.options.logger.warn(message, { flowId: id, file: existing.file, ignored });
      return;
    }
    if (text === undefined) {
      if (!existing) return;
      this.flows.delete(id);
      this.options.logger.info('flow removed', { flowId: id, file: existing.file });
      this.options.onChange();
      await this.revalidateReferences();
      return;
    }
    const version = flowVersion(text);
    if (existing?.version === version) return;
    const source = { id, path, file: displayPath(this.options.flowsDir, path), text, version };
    const state = built ?? buildFlowState(source, existing, this.buildContext(id, known));
    this.flows.set(id, state);
    reportFlowState(this.options.logger, state, existing);
    this.options.onChange();
    if (!existing) await this.revalidateReferences();
  }

  /** Flows that named an unknown flow are checked again when the set of flows changes. */
  private async revalidateReferences(): Promise<void> {
    for (const state of [...this.flows.values()]) {
      if (!state.issues.some((issue) => issue.code === 'unknown-flow')) continue;
      const rebuilt = buildFlowState(state, state, this.buildContext(state.id));
      this.flows.set(state.id, rebuilt);
      reportFlowState(this.options.logger, rebuilt, state);
      this.options.onChange();
    }
  }

}
