/**
 * @module The panel when nothing is selected: the flow's name, description and execution mode, problems
 * of the flow as a whole, the flow as a file (JSON view, export), and the keyboard shortcuts.
 */
import type { EditActions } from '../editor/use-edit-actions.js';
import type { DraftFlow } from '../model/draft.js';
import type { IssueIndex } from '../model/issues.js';
import { FlowFileSection } from './FlowFileSection.js';
import { IssueList } from './IssueList.js';
import { TextField } from './TextField.js';

const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl+S', 'Save the draft now'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['A', 'Add a step after the selected one'],
  ['Delete', 'Delete the selected step'],
  ['Ctrl+D', 'Duplicate the selected step'],
  ['Ctrl+C / Ctrl+V', 'Copy the selected step / paste after the selection'],
  ['Alt+↑ / Alt+↓', 'Move the selected step'],
  ['Ctrl+Enter', 'Run a test'],
  ['Esc', 'Clear the selection'],
];

export interface FlowPropertiesProps {
  flowId: string;
  draft: DraftFlow;
  issues: IssueIndex;
  actions: EditActions;
}

export function FlowProperties({ flowId, draft, issues, actions }: FlowPropertiesProps) {
  return (
    <div className="properties" role="region" aria-label="Flow properties">
      <header className="node-header">
        <div className="node-header-text">
          <h2>Flow</h2>
          <p className="node-header-subtitle">Select a step on the canvas to edit it.</p>
        </div>
      </header>
      <IssueList title="Problems of the flow" issues={issues.flow} />
      <section className="panel-section" aria-label="General">
        <TextField label="Flow name" required value={typeof draft.name === 'string' ? draft.name : undefined} onChange={(value) => actions.setFlowKey('name', value)} />
        <TextField label="Description" multiline value={typeof draft.description === 'string' ? draft.description : undefined} onChange={(value) => actions.setFlowKey('description', value)} />
        <div className="field">
          <label htmlFor="flow-execution">Execution</label>
          <select
            id="flow-execution"
            value={draft.execution ?? ''}
            onChange={(event) => {
              const mode = event.target.value;
              actions.setFlowKey('execution', mode === '' ? undefined : mode);
            }}
          >
            <option value="">The trigger's default</option>
            <option value="durable">Durable: checkpointed, resumed after a crash</option>
            <option value="express">Express: in memory, lowest latency</option>
          </select>
          <p className="field-help">Durable is the default for events, express for HTTP requests.</p>
        </div>
      </section>
      <FlowFileSection flowId={flowId} draft={draft} />
      <section className="panel-section" aria-label="Keyboard shortcuts">
        <h3>Keyboard shortcuts</h3>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, action]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
