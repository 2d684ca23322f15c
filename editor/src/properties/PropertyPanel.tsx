/**
 * @module The right-hand property panel: the selected trigger, step or branch, or the flow itself.
 */
import type { StoredExecution } from '../api/types.js';
import type { NodeRun } from '../editor/editor-context.js';
import type { EditActions } from '../editor/use-edit-actions.js';
import type { StepCatalog } from '../model/catalog.js';
import type { DraftFlow } from '../model/draft.js';
import type { IssueIndex } from '../model/issues.js';
import { toPointer, type NodePath } from '../model/paths.js';
import { findNode, usedIds } from '../model/walk.js';
import { BranchProperties } from './BranchProperties.js';
import { FlowProperties } from './FlowProperties.js';
import { StepProperties } from './StepProperties.js';

export interface PropertyPanelProps {
  flowId: string;
  draft: DraftFlow;
  catalog: StepCatalog;
  selection: NodePath | null;
  issues: IssueIndex;
  actions: EditActions;
  run?: { record: StoredExecution; nodes: Map<string, NodeRun> };
  onChangeTrigger: () => void;
}

export function PropertyPanel({ flowId, draft, catalog, selection, issues, actions, run, onChangeTrigger }: PropertyPanelProps) {
  const entry = selection ? findNode(draft, catalog, selection) : undefined;
  if (!entry) return <FlowProperties flowId={flowId} draft={draft} issues={issues} actions={actions} />;
  const pointer = toPointer(entry.path);
  const taken = usedIds(draft, catalog);
  const nodeIssues = issues.byNode.get(pointer);
  if (entry.kind === 'branch') {
    if (entry.part.kind !== 'branches') return null;
    const owner = findNode(draft, catalog, entry.owner);
    return (
      <BranchProperties
        key={pointer}
        branch={entry.node}
        path={entry.path}
        part={entry.part}
        ownerId={String(owner?.node.id ?? '')}
        draft={draft}
        takenIds={taken}
        issues={nodeIssues}
        actions={actions}
      />
    );
  }
  return (
    <StepProperties
      key={pointer}
      step={entry.node}
      path={entry.path}
      trigger={entry.kind === 'trigger'}
      draft={draft}
      catalog={catalog}
      takenIds={taken}
      issues={nodeIssues}
      actions={actions}
      run={run && entry.kind === 'step' ? { record: run.record, node: run.nodes.get(pointer) } : undefined}
      onChangeTrigger={onChangeTrigger}
    />
  );
}
