/**
 * @module Past runs of the flow (test runs and real ones); opening one shows its trace on the canvas.
 */
import { useEffect, useState } from 'react';
import { getExecution, listExecutions } from '../api/executions.js';
import type { ExecutionSummary, StoredExecution } from '../api/types.js';
import { Spinner } from '../ui/Spinner.js';
import { formatDuration } from './trace.js';

export interface ExecutionsPanelProps {
  flowId: string;
  /** Changes whenever a run finished, to list it. */
  refreshKey: number;
  shownId?: string;
  onOpen: (record: StoredExecution) => void;
}

export function ExecutionsPanel({ flowId, refreshKey, shownId, onOpen }: ExecutionsPanelProps) {
  const [executions, setExecutions] = useState<ExecutionSummary[]>();
  const [error, setError] = useState<string>();
  const [opening, setOpening] = useState<string>();
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    listExecutions({ flow: flowId, limit: 50 }, controller.signal).then(setExecutions, (thrown: Error) => {
      if (thrown.name !== 'AbortError') setError(thrown.message);
    });
    return () => controller.abort();
  }, [flowId, refreshKey, reload]);
  const open = async (id: string) => {
    setOpening(id);
    try {
      onOpen(await getExecution(id));
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setOpening(undefined);
    }
  };
  return (
    <div className="properties" role="region" aria-label="Executions">
      <header className="node-header">
        <div className="node-header-text">
          <h2>Executions</h2>
          <p className="node-header-subtitle">Past runs of this flow, newest first.</p>
        </div>
        <button type="button" className="button button-small" onClick={() => setReload((count) => count + 1)}>
          Refresh
        </button>
      </header>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {executions === undefined && !error ? <Spinner label="Loading executions…" /> : null}
      {executions?.length === 0 ? <p className="empty-note">No runs yet. Run a test from the Test run tab, or send an event.</p> : null}
      <ul className="execution-list">
        {executions?.map((execution) => (
          <li key={execution.id}>
            <button
              type="button"
              className={`execution-row${execution.id === shownId ? ' selected' : ''}`}
              aria-label={`Open execution ${execution.id}`}
              onClick={() => void open(execution.id)}
            >
              <span className={`status-pill status-${execution.status}`}>{execution.status}</span>
              <span className="execution-when">{new Date(execution.startedAt).toLocaleString()}</span>
              <span className="execution-meta">
                {execution.trigger === 'dry-run' ? 'test run' : execution.trigger} · {formatDuration(execution.durationMs)}
              </span>
              {execution.error ? <span className="execution-error">{execution.error.type}</span> : null}
              {opening === execution.id ? <Spinner inline label="Opening…" /> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
