/**
 * @module Autosave: the editor's content is written to the server's draft a short pause after each edit, one
 * write at a time; `flush` writes now (Ctrl+S, before publishing or comparing). Nothing is written while a
 * conflict with another window's draft waits for the user's choice.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { DraftFlow } from '../model/draft.js';

/** The pause after the last edit before the draft is written. */
export const AUTOSAVE_DELAY_MS = 600;

export interface DraftAutosave {
  /** Writes the draft now; resolves false when it could not be written. */
  flush: () => Promise<boolean>;
  /** Drops a write that is waiting for its pause. */
  cancel: () => void;
}

export function useDraftAutosave(
  draft: DraftFlow,
  write: (draft: DraftFlow) => Promise<boolean>,
  options: { enabled: boolean; needed: boolean; delayMs?: number },
): DraftAutosave {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(draft);
  latest.current = draft;
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  const flush = useCallback(() => {
    cancel();
    return write(latest.current);
  }, [cancel, write]);
  const { enabled, needed, delayMs = AUTOSAVE_DELAY_MS } = options;
  useEffect(() => {
    if (!enabled || !needed) return;
    timer.current = setTimeout(() => void write(latest.current), delayMs);
    return cancel;
  }, [draft, enabled, needed, delayMs, write, cancel]);
  return { flush, cancel };
}
