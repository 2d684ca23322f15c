/**
 * @module The event sources (queues, URL callbacks): each with its bus, its state (running, retrying,
 * invalid, disabled) and its problems with file and pointer; create and delete (after confirmation).
 */
import { useCallback, useEffect, useState } from 'react';
import { Trans } from 'react-i18next';
import { deleteSource, listSources, type SourceView } from '../api/sources.js';
import { AppNav } from '../app/AppNav.js';
import { useTranslation } from '../i18n/i18n.js';
import { IssueList } from '../properties/IssueList.js';
import { Banner } from '../ui/Banner.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { NewFileDialog } from '../ui/NewFileDialog.js';
import { Spinner } from '../ui/Spinner.js';

const STATE_CLASS: Record<SourceView['state'], string> = {
  running: 'status-published',
  connecting: 'status-new',
  retrying: 'status-outdated',
  invalid: 'status-invalid',
  disabled: '',
};

/** The file name of a source as shown: the last part of its path. */
export function sourceFileName(source: Pick<SourceView, 'id' | 'file'>): string {
  return source.file.split(/[\\/]/).pop() || `${source.id}.source.json`;
}

function SourceState({ source }: { source: SourceView }) {
  const { t } = useTranslation();
  return <span className={`status-pill ${STATE_CLASS[source.state]}`.trim()}>{t(`sources.states.${source.state}`)}</span>;
}

/** The sources list (`#/sources`); `onCreate` opens a new, unsaved source of the id and name given. */
export function SourcesPage({ onCreate }: { onCreate: (id: string, name: string) => void }) {
  const [sources, setSources] = useState<SourceView[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<SourceView>();
  const { t, i18n } = useTranslation();
  const load = useCallback(() => {
    setError(undefined);
    listSources().then(setSources, (thrown: Error) => setError(thrown.message));
  }, []);
  useEffect(load, [load]);
  const create = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      {t('sources.newSource')}
    </button>
  );
  return (
    <div className="list-page">
      <AppNav current="sources" />
      <header className="page-header">
        <div>
          <h1>{t('sources.title')}</h1>
          <p className="muted">{t('sources.intro')}</p>
        </div>
        <div className="row-actions">
          <button type="button" className="button" onClick={load}>
            {t('common.refresh')}
          </button>
          {create}
        </div>
      </header>
      {error ? (
        <Banner
          tone="error"
          actions={
            <button type="button" className="button button-small" onClick={load}>
              {t('common.tryAgain')}
            </button>
          }
        >
          {error}
        </Banner>
      ) : null}
      {sources === undefined && !error ? <Spinner label={t('sources.loading')} /> : null}
      {sources?.length === 0 ? (
        <div className="empty-state">
          <h2>{t('sources.emptyTitle')}</h2>
          <p>{t('sources.emptyText')}</p>
          {create}
        </div>
      ) : null}
      {sources && sources.length > 0 ? (
        <table className="flow-table">
          <thead>
            <tr>
              <th scope="col">{t('sources.columnSource')}</th>
              <th scope="col">{t('sources.columnType')}</th>
              <th scope="col">{t('sources.columnBus')}</th>
              <th scope="col">{t('sources.columnState')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sources.columnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id} data-source={source.id}>
                <td>
                  <a className="flow-link" href={`#/sources/${encodeURIComponent(source.id)}`}>
                    {source.name ?? source.id}
                  </a>
                  <div className="flow-file">{sourceFileName(source)}</div>
                  <IssueList issues={source.issues} title={t('sources.problemsOf', { id: source.id })} showFile />
                </td>
                <td className="mono">{source.type ?? '?'}</td>
                <td className="mono">{source.bus ?? '?'}</td>
                <td>
                  <SourceState source={source} />
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={t('sources.deleteLabel', { id: source.id })}
                      onClick={() => setDeleting(source)}
                    >
                      {t('sources.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating ? (
        <NewFileDialog
          noun="source"
          placeholder={t('sources.namePlaceholder')}
          taken={new Set((sources ?? []).map((source) => source.id))}
          onCreate={onCreate}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('sources.deleteTitle', { name: deleting.name ?? deleting.id })}
          confirmLabel={t('sources.deleteConfirm')}
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await deleteSource(deleting.id);
            setDeleting(undefined);
            load();
          }}
        >
          <p>
            <Trans i18n={i18n} i18nKey="sources.deleteText" values={{ file: sourceFileName(deleting) }} components={{ code: <code /> }} />
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
