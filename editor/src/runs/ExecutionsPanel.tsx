/**
 * @module Past runs of the flow (test runs and real ones), filtered by status, trigger kind, time and
 * handled errors, a page at a time; opening one shows its trace on the canvas and its details here.
 */
import { useEffect, useState } from 'react';
import { getExecution, listExecutionPage } from '../api/executions.js';
import type { ExecutionSummary, StoredExecution } from '../api/types.js';
import { dateTimeText } from '../i18n/format.js';
import { useTranslation } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import { ExecutionDetails } from './ExecutionDetails.js';
import { executionListQuery, NO_EXECUTION_FILTERS, rangeProblem, type ExecutionFilters as Filters } from './execution-filters.js';
import { ExecutionFilters } from './ExecutionFilters.js';
import { formatDuration } from './trace.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { PanelHeader } from '../properties/NodeHeader.js';

export interface ExecutionsPanelProps {
  flowId: string;
  /** The flow as drawn, for "run again with this input". */
  draft: unknown;
  /** Changes whenever a run finished, to list it. */
  refreshKey: number;
  shown?: StoredExecution;
  onOpen: (record: StoredExecution) => void;
  onSelectStep: (stepId: string) => void;
}

function ExecutionRow({ execution, selected, opening, onOpen }: { execution: ExecutionSummary; selected: boolean; opening: boolean; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className={`execution-row${selected ? ' selected' : ''}`}
      aria-label={t('executions.open', { id: execution.id })}
      data-status={execution.status}
      onClick={onOpen}
    >
      <span className={`status-pill status-${execution.status}`}>{t(`executionStatus.${execution.status}`)}</span>
      <span className="execution-when">{dateTimeText(execution.startedAt, i18n.language)}</span>
      <span className="execution-meta">
        {t('executions.rowMeta', { trigger: t(`executions.triggerKind.${execution.trigger}`, { defaultValue: execution.trigger }), duration: formatDuration(execution.durationMs) })}
      </span>
      {execution.error ? <span className="execution-error">{execution.error.type}</span> : null}
      {execution.handledErrors ? <span className="handled-flag">{t('executions.handledErrors', { count: execution.handledErrors })}</span> : null}
      {opening ? <Spinner inline label={t('executions.opening')} /> : null}
    </button>
  );
}

/** The listed executions under `filters`, the next page on request, listed again when the key changes. */
function useExecutionList(flowId: string, filters: Filters, refreshKey: number) {
  const [pages, setPages] = useState<{ executions: ExecutionSummary[]; next?: string }>();
  const [error, setError] = useState<string>();
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (rangeProblem(filters)) return setPages({ executions: [] });
    const controller = new AbortController();
    setError(undefined);
    setPages(undefined);
    listExecutionPage(executionListQuery(flowId, filters), controller.signal).then(setPages, (thrown: Error) => {
      if (thrown.name !== 'AbortError') setError(thrown.message);
    });
    return () => controller.abort();
  }, [flowId, filters, refreshKey, reload]);
  const more = async () => {
    if (!pages?.next) return;
    try {
      const page = await listExecutionPage(executionListQuery(flowId, filters, pages.next));
      setPages({ executions: [...pages.executions, ...page.executions], next: page.next });
    } catch (thrown) {
      setError((thrown as Error).message);
    }
  };
  return { pages, error, setError, more, refresh: () => setReload((count) => count + 1) };
}

export function ExecutionsPanel({ flowId, draft, refreshKey, shown, onOpen, onSelectStep }: ExecutionsPanelProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(NO_EXECUTION_FILTERS);
  const [opening, setOpening] = useState<string>();
  const list = useExecutionList(flowId, filters, refreshKey);
  const executions = list.pages?.executions;
  const open = async (id: string) => {
    setOpening(id);
    try {
      onOpen(await getExecution(id));
    } catch (thrown) {
      list.setError((thrown as Error).message);
    } finally {
      setOpening(undefined);
    }
  };
  return (
    <div className="properties" role="region" aria-label={t('executions.title')}>
      <PanelHeader title={t('executions.title')} subtitle={t('executions.intro')}>
        <button type="button" className="button button-small" onClick={list.refresh}>
          {t('common.refresh')}
        </button>
      </PanelHeader>
      <ExecutionFilters filters={filters} onChange={setFilters} />
      <ErrorAlert>{list.error}</ErrorAlert>
      {executions === undefined && !list.error ? <Spinner label={t('executions.loading')} /> : null}
      {executions?.length === 0 ? <p className="empty-note">{filters === NO_EXECUTION_FILTERS ? t('executions.none') : t('executions.noneMatch')}</p> : null}
      <ul className="execution-list">
        {executions?.map((execution) => (
          <li key={execution.id}>
            <ExecutionRow execution={execution} selected={execution.id === shown?.id} opening={opening === execution.id} onOpen={() => void open(execution.id)} />
          </li>
        ))}
      </ul>
      {list.pages?.next ? (
        <button type="button" className="button button-small" onClick={() => void list.more()}>
          {t('executions.more')}
        </button>
      ) : null}
      {shown ? <ExecutionDetails record={shown} draft={draft} onReplayed={onOpen} onSelectStep={onSelectStep} /> : null}
    </div>
  );
}
