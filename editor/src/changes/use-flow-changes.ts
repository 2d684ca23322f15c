/**
 * @module The draft's changes since the last commit, asked of the server while the "Changes" view is open
 * (after a short pause in typing), with the kind of change of each step for the canvas.
 */
import { useEffect, useMemo, useState } from 'react';
import { flowChanges, type DiffEntry, type FlowChanges } from '../api/changes.js';

/** How a step shows on the canvas in the "Changes" view. */
export type StepChange = 'added' | 'changed' | 'moved';

export interface FlowChangesState {
  result?: FlowChanges;
  error?: string;
  pending: boolean;
  /** The kind of change of each step (and trigger) by step id. */
  byStep: Map<string, StepChange>;
}

/** The canvas mark of each step id: added wins over moved, moved over changed. */
export function stepChanges(entries: readonly DiffEntry[]): Map<string, StepChange> {
  const marks = new Map<string, StepChange>();
  const rank: Record<StepChange, number> = { changed: 0, moved: 1, added: 2 };
  for (const entry of entries) {
    if (entry.id === undefined || entry.node === 'root' || entry.change === 'removed') continue;
    const mark: StepChange = entry.change === 'added' ? 'added' : entry.change === 'moved' ? 'moved' : 'changed';
    const known = marks.get(entry.id);
    if (!known || rank[mark] > rank[known]) marks.set(entry.id, mark);
  }
  return marks;
}

export function useFlowChanges(flowId: string, draft: unknown, enabled: boolean): FlowChangesState {
  const [result, setResult] = useState<FlowChanges>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setPending(true);
    const timer = setTimeout(() => {
      flowChanges(flowId, draft, controller.signal)
        .then((answer) => {
          setResult(answer);
          setError(undefined);
        })
        .catch((thrown: Error) => {
          if (!controller.signal.aborted) setError(thrown.message);
        })
        .finally(() => {
          if (!controller.signal.aborted) setPending(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [flowId, draft, enabled]);
  const byStep = useMemo(() => stepChanges(enabled ? (result?.changes ?? []) : []), [result, enabled]);
  return { result, error, pending, byStep };
}
