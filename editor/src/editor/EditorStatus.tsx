/**
 * @module What the editor shows while a flow loads, or when it cannot be opened.
 */
import { Spinner } from '../ui/Spinner.js';
import type { FlowFileState } from './use-flow-file.js';

export function EditorStatus({ flowId, state, onRetry }: { flowId: string; state: FlowFileState; onRetry: () => void }) {
  return (
    <div className="page-status">
      <a className="toolbar-back" href="#/">
        ← Flows
      </a>
      {state.phase === 'loading' || state.phase === 'ready' ? <Spinner label={`Opening ${flowId}…`} /> : null}
      {state.phase === 'not-found' ? (
        <div className="empty-state">
          <h2>No flow "{flowId}"</h2>
          <p>It may have been deleted or renamed. Go back to the list of flows.</p>
        </div>
      ) : null}
      {state.phase === 'not-json' ? (
        <div className="empty-state" role="alert">
          <h2>{state.summary?.file ?? flowId} cannot be opened in the editor</h2>
          <p>{state.error}</p>
          <p>Fix the file in a text editor (or run the fmt command), then reload.</p>
          <button type="button" className="button" onClick={onRetry}>
            Reload
          </button>
        </div>
      ) : null}
      {state.phase === 'error' ? (
        <div className="empty-state" role="alert">
          <h2>The flow could not be loaded</h2>
          <p>{state.error}</p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}
