/**
 * @module The event sources (queues, URL callbacks): each with its bus, its state (running, retrying,
 * invalid, disabled) and its problems with file and pointer; create and delete (after confirmation).
 */
import { useCallback, useEffect, useState } from 'react';
import { deleteSource, listSources, type SourceView } from '../api/sources.js';
import { AppNav } from '../app/AppNav.js';
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
  const label = source.state.charAt(0).toUpperCase() + source.state.slice(1);
  return <span className={`status-pill ${STATE_CLASS[source.state]}`.trim()}>{label}</span>;
}

/** The sources list (`#/sources`); `onCreate` opens a new, unsaved source of the id and name given. */
export function SourcesPage({ onCreate }: { onCreate: (id: string, name: string) => void }) {
  const [sources, setSources] = useState<SourceView[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<SourceView>();
  const load = useCallback(() => {
    setError(undefined);
    listSources().then(setSources, (thrown: Error) => setError(thrown.message));
  }, []);
  useEffect(load, [load]);
  const create = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      New source
    </button>
  );
  return (
    <div className="list-page">
      <AppNav current="sources" />
      <header className="page-header">
        <div>
          <h1>Sources</h1>
          <p className="muted">A source puts events on a bus from a message queue or a URL callback.</p>
        </div>
        <div className="row-actions">
          <button type="button" className="button" onClick={load}>
            Refresh
          </button>
          {create}
        </div>
      </header>
      {error ? (
        <Banner
          tone="error"
          actions={
            <button type="button" className="button button-small" onClick={load}>
              Try again
            </button>
          }
        >
          {error}
        </Banner>
      ) : null}
      {sources === undefined && !error ? <Spinner label="Loading sources…" /> : null}
      {sources?.length === 0 ? (
        <div className="empty-state">
          <h2>No sources yet</h2>
          <p>Create a source to take events from RabbitMQ, NATS or a SaaS system's webhook.</p>
          {create}
        </div>
      ) : null}
      {sources && sources.length > 0 ? (
        <table className="flow-table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Type</th>
              <th scope="col">Bus</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
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
                  <IssueList issues={source.issues} title={`Problems of ${source.id}`} showFile />
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
                      aria-label={`Delete source ${source.id}`}
                      onClick={() => setDeleting(source)}
                    >
                      Delete
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
          placeholder="e.g. Orders from the ERP"
          taken={new Set((sources ?? []).map((source) => source.id))}
          onCreate={onCreate}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete source ${deleting.name ?? deleting.id}?`}
          confirmLabel="Delete source"
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await deleteSource(deleting.id);
            setDeleting(undefined);
            load();
          }}
        >
          <p>
            This deletes <code>{sourceFileName(deleting)}</code>; the source stops taking events.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
