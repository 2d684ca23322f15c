/**
 * @module The reply an HTTP flow's test run would have sent: status, headers and body; when the reply
 * itself failed (a bad header, too large), the error the caller would get, naming its step.
 */
import type { DryRunReply } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { JsonView } from '../ui/JsonView.js';

export function ReplyView({ reply, onSelectStep }: { reply: DryRunReply; onSelectStep: (stepId: string) => void }) {
  const { t } = useTranslation();
  const tone = reply.status >= 500 ? 'failed' : reply.status >= 400 ? 'timed-out' : 'succeeded';
  const headers = Object.entries(reply.headers);
  return (
    <section className="run-reply" aria-label={t('reply.title')}>
      <h4>
        {t('reply.title')}{' '}
        <span className={`status-pill status-${tone}`} aria-label={t('reply.status')} data-reply-status={reply.status}>
          {reply.status}
        </span>
      </h4>
      <p className="muted">{t('reply.intro')}</p>
      {reply.error ? (
        <p className="field-error" role="alert">
          {t('reply.failed', { type: reply.error.type })}: {reply.error.message}{' '}
          {reply.error.step ? (
            <button type="button" className="link-button" onClick={() => onSelectStep(reply.error!.step!)}>
              {t('reply.selectStep', { id: reply.error.step })}
            </button>
          ) : null}
        </p>
      ) : null}
      <h5>{t('reply.headers')}</h5>
      <dl className="reply-headers" aria-label={t('reply.headers')}>
        {headers.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h5>{t('reply.body')}</h5>
      {reply.body === undefined ? (
        <p className="muted">{t('reply.noBody')}</p>
      ) : typeof reply.body === 'string' ? (
        <pre className="json-view" aria-label={t('reply.body')} tabIndex={0}>
          {reply.body}
        </pre>
      ) : (
        <JsonView value={reply.body} label={t('reply.body')} />
      )}
    </section>
  );
}
