/**
 * @module Creating a rule or a source (a file of the flows folder): its name and its id (the file name).
 */
import { useTranslation } from '../i18n/i18n.js';
import { fileIdProblem, idProblemText } from '../model/ids.js';
import { ActionDialog } from './Dialog.js';
import { IdField, NameField, useNameAndId } from './IdField.js';

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
  const { name, id, changeName, changeId } = useNameAndId();
  const problem = id === '' ? undefined : fileIdProblem(id, taken);
  const ready = name.trim() !== '' && id !== '' && !problem;
  return (
    <ActionDialog
      title={t(`newFile.${noun}Title`)}
      onClose={onClose}
      action={{ label: t('newFile.create'), disabled: !ready, run: () => onCreate(id, name.trim()) }}
    >
      <NameField label={t(`newFile.${noun}Name`)} value={name} placeholder={placeholder} onChange={changeName} />
      <IdField
        label={t(`newFile.${noun}Id`)}
        value={id}
        problem={problem ? idProblemText(problem, t, noun) : undefined}
        help={t('newFile.fileName', { file: `${id || '<id>'}.${noun}.json` })}
        onChange={changeId}
      />
    </ActionDialog>
  );
}
