/**
 * @module What the editor shows while a flow loads, or when it cannot be opened.
 */
import { useTranslation } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import type { FlowFileState } from './use-flow-file.js';

export function EditorStatus({ flowId, state, onRetry }: { flowId: string; state: FlowFileState; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page-status">
      <a className="toolbar-back" href="#/">
        {t('toolbar.back')}
      </a>
      {state.phase === 'loading' || state.phase === 'ready' ? <Spinner label={t('editorStatus.opening', { id: flowId })} /> : null}
      {state.phase === 'not-found' ? (
        <div className="empty-state">
          <h2>{t('editorStatus.notFound', { id: flowId })}</h2>
          <p>{t('editorStatus.notFoundText')}</p>
        </div>
      ) : null}
      {state.phase === 'not-json' ? (
        <div className="empty-state" role="alert">
          <h2>{t('editorStatus.notJson', { file: state.summary?.file ?? flowId })}</h2>
          <p>{state.error}</p>
          <p>{t('editorStatus.notJsonText')}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('editorStatus.reload')}
          </button>
        </div>
      ) : null}
      {state.phase === 'error' ? (
        <div className="empty-state" role="alert">
          <h2>{t('editorStatus.error')}</h2>
          <p>{state.error}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
