/**
 * @module The flow's file on the server: loading it, saving with the version it was read at (so that a newer
 * file is never overwritten silently), publish switches, and watching for changes made elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { createFlow, getFlow, saveFlow, setPublished, type LoadedFlow } from '../api/flows.js';
import type { FlowDetail, FlowSummary, ValidationIssue } from '../api/types.js';
import { asDraft, draftSnapshot, type DraftFlow } from '../model/draft.js';

export type FilePhase = 'loading' | 'ready' | 'not-found' | 'not-json' | 'error';

export interface FlowFileState {
  phase: FilePhase;
  error?: string;
  summary?: FlowSummary;
  /** Issues of the file as last read or saved. */
  issues: ValidationIssue[];
  /** The version the draft is based on; undefined for a flow not saved yet. */
  version?: string;
  /** The draft as last read or saved, to tell unsaved changes. */
  savedSnapshot?: string;
  /** A newer file on disk than the one the draft is based on, while the draft has unsaved changes. */
  conflict?: { version: string; draft?: DraftFlow };
  saving: boolean;
}

export type SaveOutcome =
  | { ok: true }
  | { ok: false; kind: 'conflict' | 'invalid' | 'error'; message: string; issues: ValidationIssue[] };

export interface FlowFileOptions {
  /** A new flow's first draft: it exists only in the editor until the first save. */
  newDraft?: DraftFlow;
  /** The file was read (first load, reload, or a change on disk taken over). */
  onDraft: (draft: DraftFlow, reason: 'loaded' | 'changed-on-disk') => void;
  /** Whether the draft has changes that are not saved. */
  isDirty: () => boolean;
  /** How often to look for changes on disk; 0 turns it off. */
  pollMs?: number;
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

export function useFlowFile(id: string, options: FlowFileOptions) {
  const [state, setState] = useState<FlowFileState>(() =>
    options.newDraft
      ? { phase: 'ready', issues: [], saving: false }
      : { phase: 'loading', issues: [], saving: false },
  );
  const latest = useRef(state);
  latest.current = state;
  const callbacks = useRef(options);
  callbacks.current = options;

  const accept = useCallback((loaded: LoadedFlow, draft: DraftFlow, reason: 'loaded' | 'changed-on-disk' | 'saved') => {
    setState((current) => ({
      ...current,
      phase: 'ready',
      error: undefined,
      summary: loaded.flow,
      issues: loaded.flow.issues,
      version: loaded.version,
      savedSnapshot: draftSnapshot(draft),
      conflict: undefined,
    }));
    if (reason !== 'saved') callbacks.current.onDraft(draft, reason);
  }, []);

  const load = useCallback(async () => {
    setState((current) => ({ ...current, phase: 'loading' }));
    try {
      const loaded = await getFlow(id);
      const draft = asDraft(loaded.flow.document);
      if (!draft) {
        const reason = loaded.flow.issues[0]?.message ?? 'the file does not hold a JSON object';
        setState((current) => ({ ...current, phase: 'not-json', error: reason, summary: loaded.flow, issues: loaded.flow.issues }));
        return;
      }
      accept(loaded, draft, 'loaded');
    } catch (thrown) {
      const notFound = thrown instanceof ApiError && thrown.status === 404;
      setState((current) => ({ ...current, phase: notFound ? 'not-found' : 'error', error: describe(thrown) }));
    }
  }, [id, accept]);

  useEffect(() => {
    if (!callbacks.current.newDraft) void load();
  }, [load]);

  const save = useCallback(
    async (draft: DraftFlow, overwrite = false): Promise<SaveOutcome> => {
      const before = latest.current;
      setState((current) => ({ ...current, saving: true }));
      try {
        const loaded =
          before.version === undefined
            ? await createFlow(id, draft)
            : await saveFlow(id, draft, overwrite ? undefined : before.version);
        accept(loaded, draft, 'saved');
        return { ok: true };
      } catch (thrown) {
        const error = thrown instanceof ApiError ? thrown : undefined;
        if (error?.type === 'FLOW:VERSION_MISMATCH') {
          setState((current) => ({ ...current, conflict: { version: 'newer' } }));
          return { ok: false, kind: 'conflict', message: error.message, issues: [] };
        }
        const kind = error?.type === 'VALIDATION' ? 'invalid' : 'error';
        return { ok: false, kind, message: describe(thrown), issues: error?.issues ?? [] };
      } finally {
        setState((current) => ({ ...current, saving: false }));
      }
    },
    [id, accept],
  );

  /** Takes the file on disk over the draft. */
  const takeDiskVersion = useCallback(async () => {
    await load();
  }, [load]);

  const publish = useCallback(
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

  // Watches the file: a change made elsewhere replaces a clean draft, and is shown over a draft with changes.
  const pollMs = options.pollMs ?? 4000;
  useEffect(() => {
    if (pollMs <= 0) return;
    let stopped = false;
    const check = async () => {
      const current = latest.current;
      if (stopped || current.phase !== 'ready' || current.version === undefined || current.saving) return;
      try {
        const loaded = await getFlow(id);
        const now = latest.current;
        if (stopped || now.saving || loaded.version === now.version || loaded.version === now.conflict?.version) return;
        const draft = asDraft(loaded.flow.document);
        if (!callbacks.current.isDirty() && draft) accept(loaded, draft, 'changed-on-disk');
        else setState((state) => ({ ...state, conflict: { version: loaded.version, draft }, summary: loaded.flow }));
      } catch {
        // A failed look is retried at the next tick; a deleted file shows when saving.
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

  return { state, load, save, publish, takeDiskVersion };
}
