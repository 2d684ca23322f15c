/**
 * @module The draft of a file being edited (a rule, a source): its issues as the server finds them while
 * you type, and saving it, where a refused save shows the server's issues instead.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import type { ValidationIssue } from '../api/types.js';

/** Asks the server for every issue of `draft` saved as `id`; saves nothing. */
export type ValidateDraft<Draft> = (id: string, draft: Draft, signal: AbortSignal) => Promise<ValidationIssue[]>;

/** The issues of `draft`, asked for 300 ms after its last change; an earlier question is cancelled. */
export function useLiveIssues<Draft>(id: string, draft: Draft | undefined, validate: ValidateDraft<Draft>): ValidationIssue[] {
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    const timer = setTimeout(() => validate(id, draft, controller.signal).then(setIssues, () => {}), 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, draft]);
  return issues;
}

export interface FileDraftOptions<Draft> {
  id: string;
  /** The draft of a file created in the editor and not saved yet. */
  newDraft?: Draft;
  validate: ValidateDraft<Draft>;
  /** Writes the file; throws an `ApiError` with the issues when the server refuses it. */
  persist: (draft: Draft) => Promise<void>;
  /** The notice after a save. */
  savedText: string;
  /** The error of a save refused for `count` issues. */
  notSavedText: (count: number) => string;
}

/** The draft, its issues (the refused save's, else the live ones), the page's error and notice, and save. */
export function useFileDraft<Draft>({ id, newDraft, validate, persist, savedText, notSavedText }: FileDraftOptions<Draft>) {
  const [draft, setDraft] = useState<Draft | undefined>(newDraft);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>();
  const liveIssues = useLiveIssues(id, draft, validate);
  const change = (next: Draft) => {
    setDraft(next);
    setNotice(undefined);
    setServerIssues(undefined);
  };
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    try {
      await persist(draft);
      setNotice(savedText);
    } catch (thrown) {
      const refused = thrown instanceof ApiError ? thrown.issues : [];
      setServerIssues(refused.length > 0 ? refused : undefined);
      setError(refused.length > 0 ? notSavedText(refused.length) : (thrown as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const issues = serverIssues ?? liveIssues;
  return { draft, setDraft, change, save, saving, error, setError, notice, issues, refused: serverIssues !== undefined };
}
