/**
 * @module The event sources (queues, URL callbacks): each with its bus, its state (running, retrying,
 * invalid, disabled) and its problems with file and pointer; create and delete (after confirmation).
 */
import { Trans } from 'react-i18next';
import { deleteSource, listSources, type SourceView } from '../api/sources.js';
import { useTranslation } from '../i18n/i18n.js';
import { IssueList } from '../properties/IssueList.js';
import { FileListPage, type FileListColumn } from '../ui/FileListPage.js';

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
  const { t, i18n } = useTranslation();
  const columns: Array<FileListColumn<SourceView>> = [
    { heading: t('sources.columnType'), className: 'mono', cell: (source) => source.type ?? '?' },
    { heading: t('sources.columnBus'), className: 'mono', cell: (source) => source.bus ?? '?' },
    { heading: t('sources.columnState'), cell: (source) => <SourceState source={source} /> },
  ];
  return (
    <FileListPage
      section="sources"
      noun="source"
      list={listSources}
      remove={deleteSource}
      fileName={sourceFileName}
      columns={columns}
      details={(source) => <IssueList issues={source.issues} title={t('sources.problemsOf', { id: source.id })} showFile />}
      rowData={(source) => ({ 'data-source': source.id })}
      refresh
      onCreate={onCreate}
      texts={{
        title: t('sources.title'),
        intro: t('sources.intro'),
        create: t('sources.newSource'),
        loading: t('sources.loading'),
        emptyTitle: t('sources.emptyTitle'),
        emptyText: t('sources.emptyText'),
        fileColumn: t('sources.columnSource'),
        actionsColumn: t('sources.columnActions'),
        namePlaceholder: t('sources.namePlaceholder'),
        delete: t('sources.delete'),
        deleteLabel: (id) => t('sources.deleteLabel', { id }),
        deleteTitle: (name) => t('sources.deleteTitle', { name }),
        deleteConfirm: t('sources.deleteConfirm'),
        deleteText: (file) => <Trans i18n={i18n} i18nKey="sources.deleteText" values={{ file }} components={{ code: <code /> }} />,
      }}
    />
  );
}
