/**
 * @module The execution opened in the executions panel: whether a Catch handled errors in it, the event that
 * started it (linked to the console), "run again with this input" (a test run: side effects stubbed), and
 * its trace and log lines.
 */
import { useState } from 'react';
import { alteredInputParts } from '../../../engine/server/executions/replay-input.js';
import { handledErrorCount } from '../../../engine/store/execution-query.js';
import { replayExecution } from '../api/executions.js';
import type { StoredExecution } from '../api/types.js';
import { eventHref } from '../console/events/event-query.js';
import { useTranslation } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import { RunSummary } from './RunSummary.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';

export interface ExecutionDetailsProps {
  record: StoredExecution;
  /** The flow as drawn, which the run again runs (saved or not). */
  draft: unknown;
  onReplayed: (record: StoredExecution) => void;
  onSelectStep: (stepId: string) => void;
}

/** The event an execution started by the bus was given: its id and bus are in the input's attributes. */
function startingEvent(record: StoredExecution): { id: string; bus: string } | undefined {
  if (record.trigger !== 'event') return undefined;
  const { id, bus } = record.input.attributes ?? {};
  return typeof id === 'string' ? { id, bus: typeof bus === 'string' ? bus : 'default' } : undefined;
}

function ReplayButton({ record, draft, onReplayed }: Omit<ExecutionDetailsProps, 'onSelectStep'>) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const altered = alteredInputParts(record.input);
  const replay = async () => {
    setRunning(true);
    setError(undefined);
    try {
      onReplayed(await replayExecution(record.id, draft));
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className="replay">
      <button type="button" className="button button-small" disabled={running || altered.length > 0} onClick={() => void replay()}>
        {t('executions.replay')}
      </button>
      {running ? <Spinner inline label={t('executions.replaying')} /> : null}
      <p className="muted">{t('executions.replayNote')}</p>
      {altered.length > 0 ? (
        <p className="field-warning" role="note">
          {t('executions.notReplayable', { parts: altered.map((part) => `${part.pointer} (${t(`executions.altered.${part.reason}`)})`).join(', ') })}
        </p>
      ) : null}
      <ErrorAlert>{error}</ErrorAlert>
    </div>
  );
}

export function ExecutionDetails({ record, draft, onReplayed, onSelectStep }: ExecutionDetailsProps) {
  const { t } = useTranslation();
  const handled = handledErrorCount(record);
  const event = startingEvent(record);
  return (
    <section className="panel-section execution-details" aria-label={t('executions.opened', { id: record.id })}>
      <h3 className="mono">{record.id}</h3>
      {handled > 0 ? <p className="handled-flag">{t('executions.handledErrors', { count: handled })}</p> : null}
      {event ? (
        <p>
          <a href={eventHref(event.id, event.bus)} data-event={event.id}>
            {t('executions.startedBy', { id: event.id })}
          </a>
        </p>
      ) : null}
      <ReplayButton record={record} draft={draft} onReplayed={onReplayed} />
      <RunSummary record={record} onSelectStep={onSelectStep} />
    </section>
  );
}
