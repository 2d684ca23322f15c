/**
 * @module The flow editor: toolbar, canvas and side panel around one draft, with undo, validation as you
 * edit, the draft autosaved on the server, publishing that never overwrites a newer file silently, and test
 * runs.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { StoredExecution } from '../api/types.js';
import { ComponentPicker } from '../canvas/ComponentPicker.js';
import { FlowCanvas } from '../canvas/FlowCanvas.js';
import { ChangesPanel } from '../changes/ChangesPanel.js';
import { useFlowChanges } from '../changes/use-flow-changes.js';
import { layoutFlow } from '../canvas/layout.js';
import { sampleMessage } from '../expressions/sample-message.js';
import type { StepCatalog } from '../model/catalog.js';
import { blankFlow, triggerOf, type DraftFlow } from '../model/draft.js';
import { indexIssues } from '../model/issues.js';
import { toPointer, type NodePath } from '../model/paths.js';
import { actionStepIds, findNode, variablesBefore, walkFlow } from '../model/walk.js';
import { ConnectionDialog } from '../properties/ConnectionDialog.js';
import { FormContext } from '../properties/form-context.js';
import { PropertyPanel } from '../properties/PropertyPanel.js';
import { ExecutionsPanel } from '../runs/ExecutionsPanel.js';
import { nodeRuns } from '../runs/node-runs.js';
import { RunPanel } from '../runs/RunPanel.js';
import { useExecutionParam } from '../runs/use-execution-param.js';
import { Banner } from '../ui/Banner.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { i18n, useTranslation } from '../i18n/i18n.js';
import { DraftBanners } from './DraftBanners.js';
import { DraftChangesDialog } from './DraftChangesDialog.js';
import { EditorStatus } from './EditorStatus.js';
import { EditorToolbar } from './EditorToolbar.js';
import { ProblemCount, ProblemsList } from './ProblemsList.js';
import { useProblemsList } from './use-problems-list.js';
import { EditorContext, type EditorContextValue, type PickerTarget } from './editor-context.js';
import { historyReducer, initialHistory } from './draft-history.js';
import { pickerTargetAfter, removableSelection } from './selection.js';
import { copySteps, pastedSteps, pasteProblemText } from './step-clipboard.js';
import { SidePanel, type SideTab } from './SidePanel.js';
import { useConnections } from './use-connections.js';
import { useEditActions } from './use-edit-actions.js';
import { useFlowFile } from './use-flow-file.js';
import { useDraftPublishing, type Notice } from './use-draft-publishing.js';
import { useLastRun } from './use-last-run.js';
import { useLeaveGuard } from './use-leave-guard.js';
import { useServerValidation } from './use-server-validation.js';
import { useShortcuts } from './use-shortcuts.js';
import { useStepImport } from './use-step-import.js';
import { ImportStepsDialog } from '../flows/ImportStepsDialog.js';

export interface FlowEditorPageProps {
  flowId: string;
  catalog: StepCatalog;
  /** Set for a flow created in the editor and not saved yet. */
  newDraft?: DraftFlow;
}

export function FlowEditorPage({ flowId, catalog, newDraft }: FlowEditorPageProps) {
  const { t } = useTranslation();
  const [history, dispatch] = useReducer(historyReducer, newDraft ?? blankFlow(flowId), initialHistory);
  const draft = history.present;
  const [loaded, setLoaded] = useState(Boolean(newDraft));
  const [selection, setSelection] = useState<NodePath | null>(null);
  const [picking, setPicking] = useState<PickerTarget>();
  const [tab, setTab] = useState<SideTab>('properties');
  const [notice, setNotice] = useState<Notice>();
  const [shownRun, setShownRun] = useState<StoredExecution>();
  const [runCount, setRunCount] = useState(0);
  const [runRequest, setRunRequest] = useState(0);
  const [draftDialog, setDraftDialog] = useState<'changes' | 'discard'>();
  const dirtyRef = useRef(false);
  const file = useFlowFile(flowId, {
    newDraft,
    isDirty: () => dirtyRef.current,
    onDraft: (next, reason) => {
      dispatch({ type: 'reset', draft: next });
      setLoaded(true);
      if (reason === 'changed-on-disk') setNotice({ tone: 'info', text: i18n.t('notices.changedOnDisk') });
    },
  });
  useEffect(() => {
    // Confirmations fade; errors and warnings stay until dismissed.
    if (notice?.tone !== 'success' && notice?.tone !== 'info') return;
    const timer = setTimeout(() => setNotice(undefined), 3000);
    return () => clearTimeout(timer);
  }, [notice]);
  const isNew = file.state.version === undefined;
  const publishing = useDraftPublishing({ draft, file, loaded, setNotice });
  dirtyRef.current = publishing.label !== 'published';
  // The draft is on the server: only what the autosave has not written yet would be lost.
  useLeaveGuard(publishing.unsaved);
  const [lastRun, setLastRun] = useLastRun(flowId, loaded && !isNew);
  const validation = useServerValidation(loaded ? draft : undefined, flowId, file.state.issues);
  const issues = useMemo(() => indexIssues(validation.issues, draft, catalog, validation.warnings), [validation.issues, validation.warnings, draft, catalog]);
  const problems = useProblemsList(draft, catalog, (path) => select(path));
  const layout = useMemo(() => layoutFlow(draft, catalog, t), [draft, catalog, t]);
  const mockableStepIds = useMemo(() => actionStepIds(draft, catalog), [draft, catalog]);
  const runs = useMemo(() => (shownRun ? nodeRuns(draft, catalog, shownRun) : undefined), [shownRun, draft, catalog]);
  const change = useCallback((next: DraftFlow, key?: string) => dispatch({ type: 'change', draft: next, key, at: Date.now() }), []);
  const select = useCallback((path: NodePath | null) => {
    setSelection(path);
    if (path) setTab('properties');
  }, []);
  const actions = useEditActions({ draft, catalog, change, select });
  const stepImport = useStepImport({ draft, catalog, change, setNotice });
  const changes = useFlowChanges(flowId, draft, loaded && tab === 'changes');
  const connections = useConnections();
  const selected = selection ? findNode(draft, catalog, selection) : undefined;
  const sample = useMemo(() => {
    if (!selected || selected.kind === 'branch') return undefined;
    return sampleMessage(draft, selected.node.id, selected.inCatch, lastRun);
  }, [selected, draft, lastRun]);
  const variables = useMemo(() => (selection ? variablesBefore(draft, catalog, selection) : []), [selection, draft, catalog]);

  const showRun = (record: StoredExecution) => {
    setShownRun(record);
    setLastRun(record);
    setRunCount((count) => count + 1);
  };
  useExecutionParam(flowId, loaded && file.state.phase === 'ready', {
    onOpen: (record) => {
      showRun(record);
      setTab('executions');
    },
    onProblem: (message) => setNotice({ tone: 'error', text: t('notices.cannotOpenExecution', { message }) }),
  });
  const selectStep = (stepId: string) => {
    const entry = [...walkFlow(draft, catalog)].find((candidate) => candidate.kind !== 'branch' && candidate.node.id === stepId);
    if (entry) select(entry.path);
  };

  useShortcuts({
    save: () => void publishing.saveNow(),
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    run: () => {
      setTab('run');
      setRunRequest((count) => count + 1);
    },
    remove: () => {
      const path = removableSelection(draft, catalog, selection);
      if (path) actions.remove(path);
    },
    duplicate: () => selected && selected.kind !== 'trigger' && actions.duplicate(selected.path),
    copy: () => {
      if (selected?.kind !== 'step') return;
      void copySteps([selected.node]).then(() => setNotice({ tone: 'success', text: t('notices.copied', { id: selected.node.id }) }));
    },
    paste: () => {
      const target = pickerTargetAfter(draft, catalog, selection, t);
      void pastedSteps().then((pasted) => {
        if ('problem' in pasted) setNotice({ tone: 'error', text: t('notices.notPasted', { problem: pasteProblemText(pasted.problem, t) }) });
        else actions.paste(target, pasted.steps);
      });
    },
    move: (delta) => selected && selected.kind !== 'trigger' && actions.move(selected.path, delta),
    add: () => setPicking(pickerTargetAfter(draft, catalog, selection, t)),
    clearSelection: () => select(null),
  });

  const context: EditorContextValue = {
    catalog,
    selected: selected ? toPointer(selected.path) : undefined,
    issues,
    runs,
    picking,
    changes: tab === 'changes' ? changes.byStep : undefined,
    select,
    openPicker: setPicking,
    addBranch: actions.addBranch,
    importSteps: stepImport.open,
  };
  if (!loaded || file.state.phase !== 'ready') return <EditorStatus flowId={flowId} state={file.state} onRetry={() => void file.load()} />;
  const trigger = triggerOf(draft);
  return (
    <EditorContext.Provider value={context}>
      <div className="editor-page">
        <EditorToolbar
          flowId={flowId}
          name={typeof draft.name === 'string' ? draft.name : ''}
          summary={file.state.summary}
          label={publishing.label}
          autosave={file.state.autosave}
          autosaveError={file.state.autosaveError}
          problemCount={<ProblemCount issues={issues} validating={validation.pending} open={problems.open} onToggle={problems.toggle} />}
          canUndo={history.past.length > 0}
          canRedo={history.future.length > 0}
          publishing={file.state.publishing}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
          onTestRun={() => setTab('run')}
          onShowChanges={() => setDraftDialog('changes')}
          onDiscard={() => setDraftDialog('discard')}
          onPublish={() => void publishing.publish()}
          onUnpublish={() => void publishing.unpublish()}
        />
        <DraftBanners
          fileConflict={Boolean(file.state.conflict)}
          draftConflict={Boolean(file.state.draftConflict)}
          onLoadFile={() => void file.takeDiskVersion()}
          onPublishOver={() => void publishing.publish(true)}
          onLoadDraft={() => void file.load()}
          onOverwriteDraft={() => void file.writeDraft(draft, true)}
        />
        {problems.open ? <ProblemsList issues={issues} nodeId={problems.nodeId} onPick={problems.pick} onClose={problems.toggle} /> : null}
        {validation.error ? <Banner tone="warning">{t('toolbar.cannotCheck', { message: validation.error })}</Banner> : null}
        {notice ? (
          <Banner tone={notice.tone} onDismiss={() => setNotice(undefined)}>
            {notice.text}
          </Banner>
        ) : null}
        <div className="editor-main">
          <main className={`canvas-area${stepImport.drop.dragging ? ' drop-target' : ''}`} aria-label={t('toolbar.canvas')} {...stepImport.drop.handlers}>
            <FlowCanvas layout={layout} onMove={actions.moveTo} />
            {stepImport.drop.dragging ? <div className="drop-hint">{t('flowImport.dropCanvasHint')}</div> : null}
          </main>
          <SidePanel tab={tab} onTab={setTab}>
            <div hidden={tab !== 'properties'}>
              <FormContext.Provider value={{ sample, variables, connections: connections.connections, createConnection: connections.create, nested: true }}>
                <PropertyPanel
                  flowId={flowId}
                  draft={draft}
                  catalog={catalog}
                  selection={selection}
                  issues={issues}
                  actions={actions}
                  run={shownRun && runs ? { record: shownRun, nodes: runs } : undefined}
                  onChangeTrigger={() => setPicking({ kind: 'trigger' })}
                />
              </FormContext.Provider>
            </div>
            <div hidden={tab !== 'run'}>
              <RunPanel
                flowId={flowId}
                draft={draft}
                sampleEvent={trigger?.config?.sampleEvent}
                eventTrigger={Boolean(trigger && catalog.get(trigger.type)?.config.properties?.sampleEvent)}
                mockableStepIds={mockableStepIds}
                httpPath={typeof trigger?.config?.path === 'string' ? trigger.config.path : undefined}
                shown={shownRun}
                lastRun={lastRun}
                onResult={showRun}
                onSelectStep={selectStep}
                runRequest={runRequest}
              />
            </div>
            <div hidden={tab !== 'changes'}>
              {tab === 'changes' ? <ChangesPanel state={changes} onSelectStep={(stepId) => {
                selectStep(stepId);
                setTab('changes');
              }} /> : null}
            </div>
            <div hidden={tab !== 'executions'}>
              <ExecutionsPanel flowId={flowId} draft={draft} refreshKey={runCount} shown={shownRun} onOpen={showRun} onSelectStep={selectStep} />
            </div>
          </SidePanel>
        </div>
        {picking ? (
          <ComponentPicker
            title={picking.kind === 'trigger' ? t('insert.chooseTrigger') : t('insert.addStep')}
            context={picking.kind === 'step' ? picking.label : t('insert.whatStarts')}
            manifests={picking.kind === 'trigger' ? catalog.triggers : catalog.actions}
            onClose={() => setPicking(undefined)}
            onPick={(manifest) => {
              actions.insert(picking, manifest);
              setPicking(undefined);
            }}
          />
        ) : null}
        {connections.creating ? <ConnectionDialog type={connections.creating} onDone={connections.finish} /> : null}
        {stepImport.file ? <ImportStepsDialog {...stepImport.file} onAdd={stepImport.add} onClose={stepImport.close} /> : null}
        {draftDialog === 'changes' ? (
          <DraftChangesDialog flowId={flowId} flush={publishing.autosave.flush} onSelectStep={selectStep} onClose={() => setDraftDialog(undefined)} />
        ) : null}
        {draftDialog === 'discard' ? (
          <ConfirmDialog
            title={t('draft.discardTitle')}
            confirmLabel={t('draft.discardConfirm')}
            onClose={() => setDraftDialog(undefined)}
            onConfirm={async () => {
              await publishing.discard();
              setDraftDialog(undefined);
            }}
          >
            <p>{isNew ? t('draft.discardTextNew') : t('draft.discardText')}</p>
          </ConfirmDialog>
        ) : null}
      </div>
    </EditorContext.Provider>
  );
}
