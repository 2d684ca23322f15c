/**
 * @module The panel when nothing is selected: the flow's name, description and execution mode, problems
 * of the flow as a whole, the flow as a file (JSON view, export), and the keyboard shortcuts.
 */
import type { EditActions } from '../editor/use-edit-actions.js';
import type { DraftFlow } from '../model/draft.js';
import type { IssueIndex } from '../model/issues.js';
import { useTranslation } from '../i18n/i18n.js';
import { FlowFileSection } from './FlowFileSection.js';
import { IssueList } from './IssueList.js';
import { TextField } from './TextField.js';
import { PanelHeader } from './NodeHeader.js';

/** Keys as printed on the keyboard, and the `flowPanel.shortcut` text of what they do. */
const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl+S', 'save'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'undo'],
  ['A', 'add'],
  ['Delete', 'delete'],
  ['Ctrl+D', 'duplicate'],
  ['Ctrl+C / Ctrl+V', 'copy'],
  ['Alt+↑ / Alt+↓', 'move'],
  ['Ctrl+Enter', 'run'],
  ['Esc', 'clear'],
];

export interface FlowPropertiesProps {
  flowId: string;
  draft: DraftFlow;
  issues: IssueIndex;
  actions: EditActions;
}

export function FlowProperties({ flowId, draft, issues, actions }: FlowPropertiesProps) {
  const { t } = useTranslation();
  return (
    <div className="properties" role="region" aria-label={t('flowPanel.label')}>
      <PanelHeader title={t('flowPanel.title')} subtitle={t('flowPanel.hint')} />
      <IssueList title={t('flowPanel.problems')} issues={issues.flow} />
      <section className="panel-section" aria-label={t('flowPanel.general')}>
        <TextField label={t('flowPanel.name')} required value={typeof draft.name === 'string' ? draft.name : undefined} onChange={(value) => actions.setFlowKey('name', value)} />
        <TextField label={t('flowPanel.description')} multiline value={typeof draft.description === 'string' ? draft.description : undefined} onChange={(value) => actions.setFlowKey('description', value)} />
        <div className="field">
          <label htmlFor="flow-execution">{t('flowPanel.execution')}</label>
          <select
            id="flow-execution"
            value={draft.execution ?? ''}
            onChange={(event) => {
              const mode = event.target.value;
              actions.setFlowKey('execution', mode === '' ? undefined : mode);
            }}
          >
            <option value="">{t('flowPanel.executionDefault')}</option>
            <option value="durable">{t('flowPanel.durable')}</option>
            <option value="express">{t('flowPanel.express')}</option>
          </select>
          <p className="field-help">{t('flowPanel.executionHelp')}</p>
        </div>
      </section>
      <FlowFileSection flowId={flowId} draft={draft} />
      <section className="panel-section" aria-label={t('flowPanel.shortcuts')}>
        <h3>{t('flowPanel.shortcuts')}</h3>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, action]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{t(`flowPanel.shortcut.${action}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
