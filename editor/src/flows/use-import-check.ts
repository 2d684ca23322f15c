/**
 * @module The check of an imported flow file: parsed in the browser, then validated by the server as
 * publishing would (every problem with its step, pointer and field).
 */
import { useEffect, useMemo, useState } from 'react';
import { validateFlow } from '../api/flows.js';
import type { ValidationIssue } from '../api/types.js';
import { readFlowFile, type ReadFlowFile } from './flow-import.js';

export interface ImportCheck {
  read: ReadFlowFile;
  /** The server's problems; undefined while it checks. */
  issues?: ValidationIssue[];
  error?: string;
}

export function useImportCheck(text: string, flowId?: string): ImportCheck {
  const read = useMemo(() => readFlowFile(text), [text]);
  const [issues, setIssues] = useState<ValidationIssue[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!('document' in read)) return;
    const controller = new AbortController();
    setIssues(undefined);
    validateFlow(read.document, flowId, controller.signal)
      .then((validation) => setIssues(validation.issues))
      .catch((thrown: Error) => {
        if (!controller.signal.aborted) setError(thrown.message);
      });
    return () => controller.abort();
  }, [read, flowId]);
  return { read, issues, error };
}
