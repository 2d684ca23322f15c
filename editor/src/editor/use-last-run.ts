/**
 * @module The flow's latest execution, for previews and the "last input" of a test run.
 */
import { useEffect, useState } from 'react';
import { getExecution, listExecutions } from '../api/executions.js';
import type { StoredExecution } from '../api/types.js';

export function useLastRun(flowId: string, enabled: boolean): [StoredExecution | undefined, (record: StoredExecution) => void] {
  const [record, setRecord] = useState<StoredExecution>();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    listExecutions({ flow: flowId, limit: 1 }, controller.signal)
      .then(async ([latest]) => (latest ? setRecord(await getExecution(latest.id, controller.signal)) : undefined))
      .catch(() => {
        // Without history there is simply no last input to offer.
      });
    return () => controller.abort();
  }, [flowId, enabled]);
  return [record, setRecord];
}
