/**
 * @module The results of an events search: recent events with their delivery, or log-store entries with
 * the rules that stored them; each row opens the event's page.
 */
import { useTranslation } from '../../i18n/i18n.js';
import type { EventTrace, LogEntry } from '../../api/console.js';
import { dateTimeText } from '../../i18n/format.js';
import { ColumnHeads } from '../ColumnHeads.js';
import { DeliverySummary } from './DeliverySummary.js';
import { eventHref } from './event-query.js';

interface EventCellsProps {
  id: string;
  bus: string;
  time: number;
  source: string;
  type: string;
  subject?: string;
}

function EventCells({ id, bus, time, source, type, subject }: EventCellsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <td className="nowrap">{dateTimeText(time, i18n.language)}</td>
      <td>
        <a className="flow-link mono" href={eventHref(id, bus)} aria-label={t('events.open', { id })}>
          {id}
        </a>
        <div className="flow-file">{[bus, type].join(' · ')}</div>
      </td>
      <td className="mono">{source}</td>
      <td className="mono">{subject ?? '—'}</td>
    </>
  );
}

function Head({ last }: { last: string }) {
  const { t } = useTranslation();
  return <ColumnHeads labels={[t('events.columnTime'), t('events.columnEvent'), t('events.source'), t('events.subject'), last]} />;
}

export function TraceTable({ traces }: { traces: EventTrace[] }) {
  const { t } = useTranslation();
  return (
    <table className="flow-table" aria-label={t('events.recent')}>
      <Head last={t('events.columnDelivery')} />
      <tbody>
        {traces.map((trace) => (
          <tr key={`${trace.bus}/${trace.eventId}/${trace.acceptedAt}`} data-event={trace.eventId}>
            <EventCells id={trace.eventId} time={trace.acceptedAt} {...trace} />
            <td>
              <DeliverySummary targets={trace.targets} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LogStoreTable({ entries }: { entries: LogEntry[] }) {
  const { t } = useTranslation();
  return (
    <table className="flow-table" aria-label={t('events.logStore')}>
      <Head last={t('events.columnRules')} />
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.bus}/${entry.eventId}/${entry.time}`} data-event={entry.eventId}>
            <EventCells id={entry.eventId} {...entry} />
            <td className="mono">{entry.rules.join(', ') || t('events.storedEvents')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
