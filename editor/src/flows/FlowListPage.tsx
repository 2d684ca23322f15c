/**
 * @module The list of flows: status, trigger, last execution, unpublished draft and (in a git work tree) change
 * since the last commit of each, and the flows that exist as drafts only; create, import a flow file (picked
 * or dropped on the list), rename, duplicate and delete (after confirmation).
 */
import { useCallback, useEffect, useState } from 'react';
import { Trans } from 'react-i18next';
import { i18n, useTranslation } from '../i18n/i18n.js';
import { listChangedFiles, type ChangedFile } from '../api/changes.js';
import { getMetricsHistory } from '../api/console.js';
import { listExecutions } from '../api/executions.js';
import { discardDraft, listDrafts, type DraftSummary } from '../api/drafts.js';
import { deleteFlow, listFlows } from '../api/flows.js';
import type { ExecutionSummary, FlowSummary } from '../api/types.js';
import type { DraftFlow } from '../model/draft.js';
import { PageTop } from '../app/AppNav.js';
import { Banner } from '../ui/Banner.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { Spinner } from '../ui/Spinner.js';
import { useFileDrop } from '../ui/use-file-drop.js';
import { duplicateFlow } from './flow-files.js';
import { FlowRow } from './FlowRow.js';
import { ImportFlowButton } from './ImportFlowButton.js';
import { ImportFlowDialog } from './ImportFlowDialog.js';
import { NewFlowDialog } from './NewFlowDialog.js';
import { RenameDialog } from './RenameDialog.js';

export interface FlowListPageProps {
  onCreate: (id: string, draft: DraftFlow) => void;
}

type Dialog =
  | { kind: 'new' }
  | { kind: 'rename'; flow: FlowSummary }
  | { kind: 'delete'; flow: FlowSummary }
  | { kind: 'import'; fileName: string; text: string };

/** A flow that exists as a draft only, as a line of the list. */
function draftOnlyFlow(draft: DraftSummary): FlowSummary {
  return { id: draft.flowId, name: draft.name, file: `flows/${draft.flowId}.flow.json`, status: 'unpublished', version: '', issueCount: 0 };
}

/** The newest execution of each flow. */
function latestByFlow(executions: ExecutionSummary[]): Map<string, ExecutionSummary> {
  const latest = new Map<string, ExecutionSummary>();
  for (const execution of executions) {
    const known = latest.get(execution.flowId);
    if (!known || known.startedAt < execution.startedAt) latest.set(execution.flowId, execution);
  }
  return latest;
}

export function FlowListPage({ onCreate }: FlowListPageProps) {
  const { t } = useTranslation();
  const [perMinute, setPerMinute] = useState<Record<string, number[]>>({});
  const [flows, setFlows] = useState<FlowSummary[]>();
  const [lastRuns, setLastRuns] = useState(new Map<string, ExecutionSummary>());
  const [changed, setChanged] = useState(new Map<string, ChangedFile>());
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState<string>();
  const [drafts, setDrafts] = useState(new Map<string, DraftSummary>());
  const load = useCallback(async () => {
    setError(undefined);
    try {
      const [list, draftList, executions, changes, history] = await Promise.all([
        listFlows(),
        listDrafts().catch(() => []),
        listExecutions({ limit: 1000 }).catch(() => []),
        // Without git (or without the route) the list simply has no change marks.
        listChangedFiles().catch(() => ({ git: false, files: [] })),
        // An older server has no history: the column then stays empty.
        getMetricsHistory().catch(() => undefined),
      ]);
      const known = new Set(list.map((flow) => flow.id));
      setFlows([...list, ...draftList.filter((draft) => !known.has(draft.flowId)).map(draftOnlyFlow)].sort((a, b) => (a.id < b.id ? -1 : 1)));
      setDrafts(new Map(draftList.map((draft) => [draft.flowId, draft])));
      setLastRuns(latestByFlow(executions));
      setPerMinute(history?.flows ?? {});
      setChanged(new Map(changes.files.filter((file) => file.kind === 'flow').map((file) => [file.id, file])));
    } catch (thrown) {
      setError((thrown as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);
  const taken = new Set((flows ?? []).map((flow) => flow.id));
  const isDraftOnly = (flow: FlowSummary) => drafts.has(flow.id) && flow.version === '';
  const drop = useFileDrop((files) => {
    if (files.length !== 1) return setError(t('flowImport.oneFile'));
    void files[0]!.text().then((text) => setDialog({ kind: 'import', fileName: files[0]!.name, text }));
  });
  const duplicate = async (flow: FlowSummary) => {
    setBusy(flow.id);
    try {
      const id = await duplicateFlow(flow, taken);
      setNotice(t('flows.duplicated', { from: flow.id, to: id }));
      await load();
    } catch (thrown) {
      setError(t('flows.duplicateFailed', { id: flow.id, message: (thrown as Error).message }));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className={`list-page${drop.dragging ? ' drop-target' : ''}`} {...drop.handlers}>
      <PageTop section="flows" title={t('flows.title')} intro={t('flows.intro')}>
        <div className="page-actions">
          <ImportFlowButton label={t('flowImport.button')} onFile={(fileName, text) => setDialog({ kind: 'import', fileName, text })} />
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'new' })}>
            {t('flows.newFlow')}
          </button>
        </div>
      </PageTop>
      {drop.dragging ? <div className="drop-hint">{t('flowImport.dropHint')}</div> : null}
      {error ? (
        <Banner tone="error" actions={<button type="button" className="button button-small" onClick={() => void load()}>{t('common.tryAgain')}</button>}>
          {error}
        </Banner>
      ) : null}
      {notice ? (
        <Banner tone="success" onDismiss={() => setNotice(undefined)}>
          {notice}
        </Banner>
      ) : null}
      {flows === undefined && !error ? <Spinner label={t('flows.loading')} /> : null}
      {flows?.length === 0 ? (
        <div className="empty-state">
          <h2>{t('flows.emptyTitle')}</h2>
          <p>{t('flows.emptyText')}</p>
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'new' })}>
            {t('flows.emptyCreate')}
          </button>
        </div>
      ) : null}
      {flows && flows.length > 0 ? (
        <table className="flow-table">
          <thead>
            <tr>
              <th scope="col">{t('flows.columnFlow')}</th>
              <th scope="col">{t('flows.columnTrigger')}</th>
              <th scope="col">{t('flows.columnStatus')}</th>
              <th scope="col">{t('flows.columnLastRun')}</th>
              <th scope="col">{t('flows.columnPerMinute')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('flows.columnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <FlowRow
                key={flow.id}
                flow={flow}
                lastRun={lastRuns.get(flow.id)}
                change={changed.get(flow.id)}
                draft={drafts.has(flow.id) ? (isDraftOnly(flow) ? 'draft-only' : 'unpublished') : undefined}
                perMinute={perMinute[flow.id]}
                busy={busy === flow.id}
                onRename={() => setDialog({ kind: 'rename', flow })}
                onDuplicate={() => void duplicate(flow)}
                onDelete={() => setDialog({ kind: 'delete', flow })}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {dialog?.kind === 'new' ? (
        <NewFlowDialog flows={(flows ?? []).filter((flow) => !isDraftOnly(flow))} taken={taken} onCreate={onCreate} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <RenameDialog
          flow={dialog.flow}
          taken={taken}
          onDone={(renamed) => {
            setDialog(undefined);
            if (renamed) void load();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' ? (
        <ImportFlowDialog
          fileName={dialog.fileName}
          text={dialog.text}
          taken={taken}
          onClose={() => setDialog(undefined)}
          onImported={(id) => {
            window.location.hash = `#/flows/${encodeURIComponent(id)}`;
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('flows.deleteTitle', { name: dialog.flow.name ?? dialog.flow.id })}
          confirmLabel={t('flows.deleteConfirm')}
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            if (isDraftOnly(dialog.flow)) await discardDraft(dialog.flow.id);
            else await deleteFlow(dialog.flow.id);
            setDialog(undefined);
            setNotice(t('flows.deleted', { file: dialog.flow.file }));
            await load();
          }}
        >
          <p>
            {isDraftOnly(dialog.flow) ? (
              t('draft.discardTextNew')
            ) : (
              <Trans i18n={i18n} i18nKey="flows.deleteText" values={{ file: dialog.flow.file }} components={{ code: <code /> }} />
            )}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
