/**
 * @module Creating a rule or a source (a file of the flows folder): its name and its id (the file name).
 */
import { useId, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { fileIdProblem, idProblemText, slugify } from '../model/ids.js';
import { Dialog } from './Dialog.js';

export interface NewFileDialogProps {
  taken: ReadonlySet<string>;
  onCreate: (id: string, name: string) => void;
  onClose: () => void;
  /** What is created; names the labels and the file suffix (`<id>.rule.json`). */
  noun: 'rule' | 'source';
  placeholder?: string;
}

/** The dialog asking for a new file's name and id; the id follows the name until edited. */
export function NewFileDialog({ taken, onCreate, onClose, noun, placeholder }: NewFileDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [edited, setEdited] = useState(false);
  const problem = id === '' ? undefined : fileIdProblem(id, taken);
  const ready = name.trim() !== '' && id !== '' && !problem;
  const create = () => ready && onCreate(id, name.trim());
  return (
    <Dialog
      title={t(`newFile.${noun}Title`)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={!ready} onClick={create}>
            {t('newFile.create')}
          </button>
        </>
      }
    >
      <form
        className="schema-form"
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t(`newFile.${noun}Name`)}</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            autoFocus
            placeholder={placeholder}
            onChange={(event) => {
              setName(event.target.value);
              if (!edited) setId(event.target.value.trim() === '' ? '' : slugify(event.target.value));
            }}
          />
        </div>
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={`${ids}-id`}>{t(`newFile.${noun}Id`)}</label>
          <input
            id={`${ids}-id`}
            type="text"
            className="mono"
            value={id}
            aria-describedby={`${ids}-help`}
            onChange={(event) => {
              setId(event.target.value);
              setEdited(true);
            }}
          />
          <p id={`${ids}-help`} className={problem ? 'field-error' : 'field-help'}>
            {problem ? idProblemText(problem, t, noun) : t('newFile.fileName', { file: `${id || '<id>'}.${noun}.json` })}
          </p>
        </div>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
