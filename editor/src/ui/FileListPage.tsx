/**
 * @module The list page of one kind of file of the flows folder (rules, sources): loading, its error with
 * a retry, the empty state, a table with a link to each file, create (name and id) and delete (after
 * confirmation). The page says what its columns show; the texts come translated.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { PageTop } from '../app/AppNav.js';
import type { NavSectionId } from '../app/sections.js';
import { useTranslation } from '../i18n/i18n.js';
import { Banner } from './Banner.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { NewFileDialog, type NewFileDialogProps } from './NewFileDialog.js';
import { Spinner } from './Spinner.js';

/** A file as a list page shows it: its id (the file name without suffix) and its name, when it has one. */
export interface ListedFile {
  id: string;
  name?: string;
}

/** The page's texts, translated by the caller. */
export interface FileListTexts {
  title: string;
  intro: string;
  create: string;
  /** The empty state's button; `create` when not given. */
  emptyCreate?: string;
  loading: string;
  emptyTitle: string;
  emptyText: string;
  /** The heading of the first column (the file's link). */
  fileColumn: string;
  actionsColumn: string;
  namePlaceholder: string;
  delete: string;
  deleteLabel: (id: string) => string;
  deleteTitle: (name: string) => string;
  deleteConfirm: string;
  /** The confirmation's text, naming the file. */
  deleteText: (file: string) => ReactNode;
}

/** A column after the file's: its heading and what it shows of each file. */
export interface FileListColumn<File> {
  heading: string;
  className?: string;
  cell: (file: File) => ReactNode;
}

export interface FileListPageProps<File extends ListedFile> {
  /** The page's section (`#/rules`), which the file links are under. */
  section: NavSectionId;
  /** What a file is; names the new file dialog's labels and the suffix. */
  noun: NewFileDialogProps['noun'];
  texts: FileListTexts;
  list: () => Promise<File[]>;
  remove: (id: string) => Promise<void>;
  /** The file's name as shown under its link and in the delete confirmation. */
  fileName: (file: File) => string;
  columns: ReadonlyArray<FileListColumn<File>>;
  /** Shown under the file's name in its cell (its problems, say). */
  details?: (file: File) => ReactNode;
  /** Data attributes of each row. */
  rowData?: (file: File) => Record<`data-${string}`, string>;
  /** Whether the header has a refresh button. */
  refresh?: boolean;
  /** Opens a new, unsaved file of the id and name given. */
  onCreate: (id: string, name: string) => void;
}

/** The page `#/<section>`: the files of one kind, each linked to `#/<section>/<id>`. */
export function FileListPage<File extends ListedFile>(props: FileListPageProps<File>) {
  const { section, noun, texts, list, remove, fileName, columns, details, rowData, refresh, onCreate } = props;
  const [files, setFiles] = useState<File[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<File>();
  const { t } = useTranslation();
  const load = useCallback(() => {
    setError(undefined);
    list().then(setFiles, (thrown: Error) => setError(thrown.message));
  }, [list]);
  useEffect(load, [load]);
  const createButton = (label: string) => (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      {label}
    </button>
  );
  return (
    <div className="list-page">
      <PageTop section={section} title={texts.title} intro={texts.intro}>
        {refresh ? (
          <div className="row-actions">
            <button type="button" className="button" onClick={load}>
              {t('common.refresh')}
            </button>
            {createButton(texts.create)}
          </div>
        ) : (
          createButton(texts.create)
        )}
      </PageTop>
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
      {files === undefined && !error ? <Spinner label={texts.loading} /> : null}
      {files?.length === 0 ? (
        <div className="empty-state">
          <h2>{texts.emptyTitle}</h2>
          <p>{texts.emptyText}</p>
          {createButton(texts.emptyCreate ?? texts.create)}
        </div>
      ) : null}
      {files && files.length > 0 ? (
        <table className="flow-table">
          <thead>
            <tr>
              <th scope="col">{texts.fileColumn}</th>
              {columns.map((column) => (
                <th key={column.heading} scope="col">
                  {column.heading}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{texts.actionsColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.id} {...rowData?.(file)}>
                <td>
                  <a className="flow-link" href={`#/${section}/${encodeURIComponent(file.id)}`}>
                    {file.name ?? file.id}
                  </a>
                  <div className="flow-file">{fileName(file)}</div>
                  {details?.(file)}
                </td>
                {columns.map((column) => (
                  <td key={column.heading} className={column.className}>
                    {column.cell(file)}
                  </td>
                ))}
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={texts.deleteLabel(file.id)}
                      onClick={() => setDeleting(file)}
                    >
                      {texts.delete}
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
          noun={noun}
          placeholder={texts.namePlaceholder}
          taken={new Set((files ?? []).map((file) => file.id))}
          onCreate={onCreate}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={texts.deleteTitle(deleting.name ?? deleting.id)}
          confirmLabel={texts.deleteConfirm}
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await remove(deleting.id);
            setDeleting(undefined);
            load();
          }}
        >
          <p>{texts.deleteText(fileName(deleting))}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
