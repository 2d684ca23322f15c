/**
 * @module Each attempt at one target of an event: when it ended, how, the error and the wait before the
 * next one; shown on request under the attempt count.
 */
import { useState } from 'react';
import type { TargetTrace } from '../../api/console.js';
import { dateTimeText } from '../../i18n/format.js';
import { useTranslation } from '../../i18n/i18n.js';

const OUTCOME_KEYS = { failed: 'event.attemptFailed', delivered: 'event.attemptDelivered', redriven: 'event.attemptRedriven' } as const;

export function AttemptList({ target }: { target: TargetTrace }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const log = target.attemptLog ?? [];
  const label = t('event.attemptsOf', { target: target.target });
  if (log.length === 0) return <>{target.attempts}</>;
  return (
    <>
      <button type="button" className="link-button" aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        {target.attempts}
      </button>
      {open ? (
        <ol className="attempt-list" aria-label={label}>
          {log.map((entry) => (
            <li key={`${entry.attempt}/${entry.at}`} data-outcome={entry.outcome}>
              {t(OUTCOME_KEYS[entry.outcome], { attempt: entry.attempt, time: dateTimeText(entry.at, i18n.language) })}
              {entry.error ? (
                <div className="execution-error">
                  <code>{entry.error.type}</code> {entry.error.message}
                </div>
              ) : null}
              {entry.retryInMs !== undefined ? <div className="muted">{t('event.retryIn', { ms: Math.round(entry.retryInMs) })}</div> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
