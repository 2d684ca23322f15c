/**
 * @module `#/flows/<flow>?execution=<id>`: the flow opens with that execution shown (its trace on the canvas,
 * its details in the Executions tab). The console's event page links runs this way.
 */
import { useEffect } from 'react';
import { getExecution } from '../api/executions.js';
import type { StoredExecution } from '../api/types.js';
import { useHashQuery } from '../app/use-hash-route.js';

export interface ExecutionParamHandlers {
  onOpen: (record: StoredExecution) => void;
  onProblem: (message: string) => void;
}

/** Opens the execution the URL names once the flow is loaded, and again whenever the URL names another. */
export function useExecutionParam(flowId: string, loaded: boolean, handlers: ExecutionParamHandlers): void {
  const executionId = useHashQuery().get('execution');
  useEffect(() => {
    if (!loaded || !executionId) return;
    const controller = new AbortController();
    getExecution(executionId, controller.signal).then(
      (record) => {
        if (record.flowId === flowId) handlers.onOpen(record);
        else handlers.onProblem(`execution ${executionId} is a run of flow ${record.flowId}, not of ${flowId}`);
      },
      (thrown: Error) => {
        if (thrown.name !== 'AbortError') handlers.onProblem(thrown.message);
      },
    );
    return () => controller.abort();
  }, [flowId, loaded, executionId]);
}
