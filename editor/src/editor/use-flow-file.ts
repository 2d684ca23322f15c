/**
 * @module The flow on the server: its published file and the editor's draft beside it. Loading reads both;
 * the draft is written as the user edits (never the file), with the revision last read so that another
 * window's draft is never overwritten silently; publishing validates the draft and writes the file with the
 * version the draft began from; discarding goes back to the file. Changes made to the file elsewhere are
 * watched for.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { i18n } from '../i18n/i18n.js';
import { discardDraft, getDraft, publishDraft, putDraft, type FlowDraft } from '../api/drafts.js';
import { getFlow, setPublished, type LoadedFlow } from '../api/flows.js';
import type { FlowDetail, FlowSummary, ValidationIssue } from '../api/types.js';
import { asDraft, draftSnapshot, type DraftFlow } from '../model/draft.js';
import { autosaveStep } from './draft-state.js';

export type FilePhase = 'loading' | 'ready' | 'not-found' | 'not-json' | 'error';

/** The draft as the server keeps it. */
export interface StoredDraft {
  revision: string;
  snapshot: string;
  baseVersion: string | null;
}

export interface FlowFileState {
  phase: FilePhase;
  error?: string;
  summary?: FlowSummary;
  /** Issues of the file as last read or published. */
  issues: ValidationIssue[];
  /** The version of the published file; undefined for a flow that has no file yet. */
  version?: string;
  /** The published file's document, and its snapshot, to tell unpublished changes and to go back to. */
  published?: DraftFlow;
  savedSnapshot?: string;
  /** A newer file than the one the draft began from (seen on disk, or refused at publishing). */
  conflict?: { version: string; draft?: DraftFlow };
  /** The server's draft, when there is one. */
  stored?: StoredDraft;
  /** Another window wrote the draft after this one read it. */
  draftConflict?: boolean;
  autosave: 'idle' | 'saving' | 'saved' | 'failed';
  autosaveError?: string;
  publishing: boolean;
}

export type PublishOutcome =
  | { ok: true; unchanged?: boolean }
  | { ok: false; kind: 'conflict' | 'invalid' | 'error'; message: string; issues: ValidationIssue[] };

export interface FlowFileOptions {
  /** A new flow's first draft: nothing is on the server until the first autosave. */
  newDraft?: DraftFlow;
  /** The editor's content was read (first load, reload, a change on disk taken over, a discard). */
  onDraft: (draft: DraftFlow, reason: 'loaded' | 'changed-on-disk') => void;
  /** Whether the editor holds changes that are not published. */
  isDirty: () => boolean;
  /** How often to look for changes on disk; 0 turns it off. */
  pollMs?: number;
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

const storedOf = (draft: FlowDraft): StoredDraft => ({
  revision: draft.revision,
  snapshot: draftSnapshot(draft.document as DraftFlow),
  baseVersion: draft.baseVersion,
});

async function readFlow(id: string): Promise<LoadedFlow | undefined> {
  try {
    return await getFlow(id);
  } catch (thrown) {
    if (thrown instanceof ApiError && thrown.status === 404) return undefined;
    throw thrown;
  }
}

export function useFlowFile(id: string, options: FlowFileOptions) {
  const [state, setState] = useState<FlowFileState>(() => ({
    phase: options.newDraft ? 'ready' : 'loading',
    issues: [],
    autosave: 'idle',
    publishing: false,
  }));
  const latest = useRef(state);
  latest.current = state;
  const callbacks = useRef(options);
  callbacks.current = options;
  // Kept beside the state: writes run one after another and each needs the revision the previous one left.
  const stored = useRef<StoredDraft | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const serially = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
  const setStored = useCallback((next: StoredDraft | undefined) => {
    stored.current = next;
    setState((current) => ({ ...current, stored: next }));
  }, []);

  const accept = useCallback((loaded: LoadedFlow, published: DraftFlow) => {
    setState((current) => ({
      ...current,
      phase: 'ready',
      error: undefined,
      summary: loaded.flow,
      issues: loaded.flow.issues,
      version: loaded.version,
      published,
      savedSnapshot: draftSnapshot(published),
      conflict: undefined,
    }));
  }, []);

  const load = useCallback(async () => {
    setState((current) => ({ ...current, phase: 'loading' }));
    try {
      const [loaded, draft] = await Promise.all([readFlow(id), getDraft(id)]);
      stored.current = draft ? storedOf(draft) : undefined;
      setState((current) => ({ ...current, stored: stored.current, draftConflict: false, autosave: 'idle', autosaveError: undefined }));
      const published = loaded ? asDraft(loaded.flow.document) : undefined;
      if (!loaded && !draft) {
        setState((current) => ({ ...current, phase: 'not-found', error: `no flow with id "${id}"` }));
        return;
      }
      if (loaded && !published && !draft) {
        const reason = loaded.flow.issues[0]?.message ?? i18n.t('editorStatus.notAnObject');
        setState((current) => ({ ...current, phase: 'not-json', error: reason, summary: loaded.flow, issues: loaded.flow.issues }));
        return;
      }
      if (loaded && published) accept(loaded, published);
      else setState((current) => ({ ...current, phase: 'ready', summary: loaded?.flow }));
      // A draft that began from an older file than the one on disk: publishing it would overwrite that file.
      if (loaded && draft && draft.baseVersion !== loaded.version) {
        setState((current) => ({ ...current, conflict: { version: loaded.version, draft: published } }));
      }
      callbacks.current.onDraft((draft?.document as DraftFlow | undefined) ?? published!, 'loaded');
    } catch (thrown) {
      setState((current) => ({ ...current, phase: 'error', error: describe(thrown) }));
    }
  }, [id, accept]);

  useEffect(() => {
    if (!callbacks.current.newDraft) void load();
  }, [load]);

  /** Brings the server's draft in step with `draft`; with `force`, over another window's draft. */
  const writeDraft = useCallback(
    (draft: DraftFlow, force = false): Promise<boolean> =>
      serially(async () => {
        const now = latest.current;
        const known = stored.current;
        const step = autosaveStep({ current: draftSnapshot(draft), published: now.savedSnapshot, stored: known?.snapshot });
        if (step === 'none') return true;
        setState((current) => ({ ...current, autosave: 'saving' }));
        try {
          if (step === 'delete') {
            await discardDraft(id, force ? undefined : known?.revision);
            setStored(undefined);
          } else {
            const baseVersion = known?.baseVersion ?? now.version ?? null;
            const saved = await putDraft(id, draft, baseVersion, force ? undefined : (known?.revision ?? 'new'));
            setStored(storedOf(saved));
          }
          setState((current) => ({ ...current, autosave: 'saved', autosaveError: undefined, draftConflict: false }));
          return true;
        } catch (thrown) {
          const conflict = thrown instanceof ApiError && thrown.type === 'FLOW:VERSION_MISMATCH';
          setState((current) => ({ ...current, autosave: 'failed', autosaveError: describe(thrown), draftConflict: conflict || current.draftConflict }));
          return false;
        }
      }),
    [id, serially, setStored],
  );

  /** Writes the draft, then publishes it: validated on the server, written to the flows folder. */
  const publish = useCallback(
    async (draft: DraftFlow, overwrite = false): Promise<PublishOutcome> => {
      if (!(await writeDraft(draft))) {
        return { ok: false, kind: 'error', message: latest.current.autosaveError ?? i18n.t('notices.draftNotSaved'), issues: [] };
      }
      return serially(async () => {
        const draftNow = stored.current;
        if (!draftNow) return { ok: true, unchanged: true };
        setState((current) => ({ ...current, publishing: true }));
        try {
          const loaded = await publishDraft(id, draftNow.revision, overwrite);
          setStored(undefined);
          accept(loaded, draft);
          return { ok: true };
        } catch (thrown) {
          const error = thrown instanceof ApiError ? thrown : undefined;
          if (error?.type === 'FLOW:VERSION_MISMATCH') {
            setState((current) => ({ ...current, conflict: { version: current.conflict?.version ?? 'newer' } }));
            return { ok: false, kind: 'conflict', message: error.message, issues: [] };
          }
          const kind = error?.type === 'VALIDATION' ? 'invalid' : 'error';
          return { ok: false, kind, message: describe(thrown), issues: error?.issues ?? [] };
        } finally {
          setState((current) => ({ ...current, publishing: false }));
        }
      });
    },
    [id, serially, writeDraft, setStored, accept],
  );

  /** Deletes the draft and shows the published file again; false for a flow that has no file (it is gone). */
  const discard = useCallback(
    (): Promise<boolean> =>
      serially(async () => {
        await discardDraft(id);
        setStored(undefined);
        const { published } = latest.current;
        setState((current) => ({ ...current, conflict: undefined, draftConflict: false, autosave: 'idle', autosaveError: undefined }));
        if (published) callbacks.current.onDraft(published, 'loaded');
        return published !== undefined;
      }),
    [id, serially, setStored],
  );

  /** Takes the file on disk over the draft: the draft is discarded. */
  const takeDiskVersion = useCallback(async () => {
    await serially(() => discardDraft(id));
    await load();
  }, [id, serially, load]);

  const setServing = useCallback(
    async (published: boolean): Promise<string | undefined> => {
      try {
        const summary = await setPublished(id, published);
        setState((current) => ({ ...current, summary: { ...(current.summary as FlowDetail), ...summary } }));
        return undefined;
      } catch (thrown) {
        return describe(thrown);
      }
    },
    [id],
  );

  // Watches the file: a change made elsewhere replaces a clean editor, and is shown over unpublished changes.
  const pollMs = options.pollMs ?? 4000;
  useEffect(() => {
    if (pollMs <= 0) return;
    let stopped = false;
    const check = async () => {
      const current = latest.current;
      if (stopped || current.phase !== 'ready' || current.version === undefined || current.publishing) return;
      try {
        const loaded = await getFlow(id);
        const now = latest.current;
        if (stopped || now.publishing || loaded.version === now.version || loaded.version === now.conflict?.version) return;
        const draft = asDraft(loaded.flow.document);
        if (!callbacks.current.isDirty() && draft) {
          accept(loaded, draft);
          callbacks.current.onDraft(draft, 'changed-on-disk');
        } else setState((state) => ({ ...state, conflict: { version: loaded.version, draft }, summary: loaded.flow }));
      } catch {
        // A failed look is retried at the next tick; a deleted file shows when publishing.
      }
    };
    const timer = setInterval(() => void check(), pollMs);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [id, pollMs, accept]);

  return { state, load, writeDraft, publish, discard, takeDiskVersion, setServing };
}
