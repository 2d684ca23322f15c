/**
 * @module Validates the draft on the server as it changes (debounced), so that every problem the save would
 * report is shown on its step and field while editing.
 */
import { useEffect, useState } from 'react';
import { validateFlow } from '../api/flows.js';
import type { ValidationIssue } from '../api/types.js';
import type { DraftFlow } from '../model/draft.js';

/** How long editing must pause before the draft is validated again. */
export const VALIDATE_DELAY_MS = 350;

export interface ServerValidation {
  issues: ValidationIssue[];
  /** Shown like issues, but never blocking a save or a publish. */
  warnings: ValidationIssue[];
  pending: boolean;
  /** Why validation could not run (the server is unreachable), if it could not. */
  error?: string;
}

export function useServerValidation(draft: DraftFlow | undefined, id: string, initial: ValidationIssue[]): ServerValidation {
  const [result, setResult] = useState<ServerValidation>({ issues: initial, warnings: [], pending: false });
  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    setResult((current) => ({ ...current, pending: true }));
    const timer = setTimeout(() => {
      validateFlow(draft, id, controller.signal).then(
        ({ issues, warnings }) => setResult({ issues, warnings, pending: false }),
        (thrown: Error) => {
          if (thrown.name !== 'AbortError') setResult((current) => ({ ...current, pending: false, error: thrown.message }));
        },
      );
    }, VALIDATE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft, id]);
  return result;
}
