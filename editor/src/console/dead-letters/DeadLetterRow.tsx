/**
 * @module One dead letter: when and why it failed, the event; inspect (the event, what the target was to
 * receive, the error), re-drive or discard it.
 */
import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import type { DeadLetter } from '../../api/console.js';
import { dateTimeText } from '../../i18n/format.js';
import { JsonView } from '../../ui/JsonView.js';
import { eventHref } from '../events/event-query.js';

export interface DeadLetterRowProps {
  letter: DeadLetter;
  busy: boolean;
  onRedrive: () => void;
  onDiscard: () => void;
}

export function DeadLetterRow({ letter, busy, onRedrive, onDiscard }: DeadLetterRowProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const event = letter.event as { id: string; source: string; type: string; subject?: string };
  return (
    <>
      <tr data-letter={letter.id} data-event={event.id}>
        <td className="nowrap">{dateTimeText(letter.failedAt, i18n.language)}</td>
        <td>
          <a className="flow-link mono" href={eventHref(event.id, letter.bus)}>
            {event.id}
          </a>
          <div className="flow-file">{[event.source, event.type, event.subject].filter(Boolean).join(' · ')}</div>
        </td>
        <td>
          <span className="mono">{`${letter.rule} / ${letter.target}`}</span>
          <div className="flow-file">{letter.targetType}</div>
        </td>
        <td>
          {letter.attempts}
          {letter.redrives > 0 ? <div className="flow-file">{t('deadLetters.redrives', { count: letter.redrives })}</div> : null}
        </td>
        <td className="target-result">
          <span className="execution-error">
            <code>{letter.error.type}</code> {letter.error.message}
          </span>
        </td>
        <td>
          <div className="row-actions">
            <button type="button" className="button button-small" aria-expanded={open} aria-label={t('deadLetters.inspectLabel', { id: event.id })} onClick={() => setOpen(!open)}>
              {open ? t('deadLetters.hide') : t('deadLetters.inspect')}
            </button>
            <button type="button" className="button button-small button-primary" disabled={busy} aria-label={t('deadLetters.redriveLabel', { id: event.id })} onClick={onRedrive}>
              {t('deadLetters.redrive')}
            </button>
            <button type="button" className="button button-small button-danger" disabled={busy} aria-label={t('deadLetters.discardLabel', { id: event.id })} onClick={onDiscard}>
              {t('deadLetters.discard')}
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="letter-details">
          <td colSpan={6}>
            <div className="letter-columns">
              <section>
                <h3>{t('event.body')}</h3>
                <JsonView value={letter.event} label={t('event.body')} />
              </section>
              <section>
                <h3>{t('deadLetters.payload')}</h3>
                <JsonView value={letter.payload} label={t('deadLetters.payload')} />
              </section>
              <section>
                <h3>{t('deadLetters.error')}</h3>
                <JsonView value={letter.error} label={t('deadLetters.error')} />
              </section>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
