/**
 * @module Flow drafts: the editor's work in progress, one file per flow under `<dataDir>/drafts/` (never in
 * the flows folder, so git never sees it). A draft may be invalid; it is bounded in size, written atomically,
 * and every write gets a new revision, so that concurrent edits are refused as the flow files' versions are.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowbusError } from '../../core/errors.js';
import type { Logger } from '../../logging/logger.js';
import { flowVersion, readFlowText, writeFileAtomic } from './flow-file.js';

/** The folder of drafts inside the data folder. */
export const DRAFTS_DIR_NAME = 'drafts';

const DRAFT_FILE_SUFFIX = '.draft.json';

/** A flow's draft as stored and answered. */
export interface FlowDraft {
  flowId: string;
  /** New on every write (random, so that no two writes share one): the draft's ETag. */
  revision: string;
  /** The version of the flow file the draft was started from; null for a flow that has no file yet. */
  baseVersion: string | null;
  updatedAt: number;
  /** What the editor holds: any JSON object, valid or not. */
  document: Record<string, unknown>;
}

/** A draft in lists: everything but the document, and the flow's name when the draft has one. */
export interface DraftSummary extends Omit<FlowDraft, 'document'> {
  name?: string;
}

/** What a write may require: the revision the caller read, or (`'*'` in `ifNoneMatch`) that none exists. */
export interface DraftPreconditions {
  ifMatch?: string;
  ifNoneMatch?: boolean;
}

export interface DraftStoreOptions {
  /** The data folder; drafts go to its `drafts/` folder. */
  dataDir: string;
  /** Largest draft file, in bytes (`limits.flowBytes`). */
  maxBytes: number;
  now?: () => number;
  /** Where a draft file that could not be read (and was moved aside) is reported. */
  logger?: Pick<Logger, 'error'>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function summarize(draft: FlowDraft): DraftSummary {
  const { document, ...summary } = draft;
  return typeof document.name === 'string' ? { ...summary, name: document.name } : summary;
}

/** The drafts of every flow, kept as files; writes of one store are done one at a time. */
export class DraftStore {
  readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: DraftStoreOptions) {
    this.dir = join(options.dataDir, DRAFTS_DIR_NAME);
    this.now = options.now ?? Date.now;
  }

  /**
   * The draft of `flowId`, or undefined. A damaged draft file (edited by hand, say: writes are atomic) is moved
   * aside to `<name>.corrupt-<time>`, reported, and answered as an error that names both files.
   */
  async get(flowId: string): Promise<FlowDraft | undefined> {
    const path = this.pathOf(flowId);
    const text = await readFlowText(path);
    if (text === undefined) return undefined;
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch (thrown) {
      return this.damaged(path, `it is not JSON (${(thrown as Error).message})`);
    }
    if (!isObject(stored) || !isObject(stored.document) || typeof stored.updatedAt !== 'number') {
      return this.damaged(path, 'it does not hold a draft ({ updatedAt, document })');
    }
    const baseVersion = typeof stored.baseVersion === 'string' ? stored.baseVersion : null;
    // A file written by hand without a revision gets one from its content.
    const revision = typeof stored.revision === 'string' ? stored.revision : flowVersion(text);
    return { flowId, revision, baseVersion, updatedAt: stored.updatedAt, document: stored.document };
  }

  /** Every draft, by flow id; files that cannot be read are left out. */
  async list(): Promise<DraftSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw thrown;
    }
    const ids = names.filter((name) => name.endsWith(DRAFT_FILE_SUFFIX) && !name.startsWith('.'));
    const drafts = await Promise.all(
      ids.map((name) => this.get(decodeURIComponent(name.slice(0, -DRAFT_FILE_SUFFIX.length))).catch(() => undefined)),
    );
    return drafts.filter((draft): draft is FlowDraft => draft !== undefined).map(summarize).sort((a, b) => (a.flowId < b.flowId ? -1 : 1));
  }

  /** Writes the draft of `flowId`; refuses a stale revision, a non-object and a draft over the size bound. */
  put(
    flowId: string,
    input: { document: unknown; baseVersion: string | null },
    preconditions: DraftPreconditions = {},
  ): Promise<{ draft: FlowDraft; created: boolean }> {
    return this.exclusive(async () => {
      if (!isObject(input.document)) {
        throw new FlowbusError('API:BAD_REQUEST', `the draft of flow "${flowId}": "document" must be a JSON object`);
      }
      const existing = await this.get(flowId).catch(() => undefined);
      this.check(flowId, existing, preconditions);
      const revision = randomBytes(8).toString('hex');
      const stored = { revision, baseVersion: input.baseVersion, updatedAt: this.now(), document: input.document };
      const text = `${JSON.stringify(stored)}\n`;
      const bytes = Buffer.byteLength(text);
      if (bytes > this.options.maxBytes) {
        const message = `the draft of flow "${flowId}" is ${bytes} bytes, more than the ${this.options.maxBytes} allowed (limits.flowBytes)`;
        throw new FlowbusError('DRAFT:PAYLOAD_TOO_LARGE', message, { limit: 'limits.flowBytes' });
      }
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.pathOf(flowId), text);
      const draft = { flowId, ...stored, document: input.document };
      return { draft, created: !existing };
    });
  }

  /** Deletes the draft; false when there was none. */
  remove(flowId: string, preconditions: DraftPreconditions = {}): Promise<boolean> {
    return this.exclusive(async () => {
      const existing = await this.get(flowId).catch(() => undefined);
      this.check(flowId, existing, preconditions);
      await rm(this.pathOf(flowId), { force: true });
      return existing !== undefined;
    });
  }

  private async damaged(path: string, reason: string): Promise<never> {
    const keptAs = `${path}.corrupt-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, keptAs);
    this.options.logger?.error(`a draft file is unusable: ${reason}`, { file: path, keptAs });
    throw new FlowbusError('DRAFT:UNREADABLE', `the draft file ${path} is unusable: ${reason}; it was moved to ${keptAs}`);
  }

  private check(flowId: string, existing: FlowDraft | undefined, preconditions: DraftPreconditions): void {
    const { ifMatch, ifNoneMatch } = preconditions;
    if (ifNoneMatch && existing) {
      const message = `flow "${flowId}" has a draft already (revision ${existing.revision})`;
      throw new FlowbusError('FLOW:VERSION_MISMATCH', message, { flowId, revision: existing.revision });
    }
    if (ifMatch !== undefined && existing?.revision !== ifMatch) {
      const now = existing ? `it is at revision ${existing.revision}` : 'it was discarded';
      const message = `the draft of flow "${flowId}" has changed since revision ${ifMatch}: ${now}`;
      throw new FlowbusError('FLOW:VERSION_MISMATCH', message, { flowId, revision: existing?.revision });
    }
  }

  private pathOf(flowId: string): string {
    return join(this.dir, `${encodeURIComponent(flowId)}${DRAFT_FILE_SUFFIX}`);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}
