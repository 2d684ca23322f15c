/**
 * @module Creating a flow: its name, its id (the file name), and whether it starts blank or from an example.
 */
import { useId, useState } from 'react';
import type { FlowSummary } from '../api/types.js';
import { idProblem, idProblemText } from '../model/ids.js';
import type { DraftFlow } from '../model/draft.js';
import { useTranslation } from '../i18n/i18n.js';
import { ActionDialog, useDialogAction } from '../ui/Dialog.js';
import { IdField, NameField, useNameAndId } from '../ui/IdField.js';
import { newFlowDraft } from './flow-files.js';

export interface NewFlowDialogProps {
  /** The flows a new one may copy. */
  flows: FlowSummary[];
  /** Ids in use, by flows and by drafts; the flows' ids when absent. */
  taken?: ReadonlySet<string>;
  onCreate: (id: string, draft: DraftFlow) => void;
  onClose: () => void;
}

export function NewFlowDialog({ flows, taken: takenIds, onCreate, onClose }: NewFlowDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const { name, id, changeName, changeId } = useNameAndId();
  const [from, setFrom] = useState('');
  const taken = new Set(takenIds ?? flows.map((flow) => flow.id));
  const problem = id === '' ? undefined : idProblem(id, taken);
  const ready = name.trim() !== '' && id !== '' && !problem;
  const { busy, error, run } = useDialogAction(async () => {
    if (ready) onCreate(id, await newFlowDraft(name.trim(), from || undefined));
  });
  return (
    <ActionDialog
      title={t('flowDialogs.newTitle')}
      onClose={onClose}
      error={error}
      action={{ label: t('flowDialogs.create'), busyLabel: t('flowDialogs.creating'), busy, disabled: !ready, run: () => void run() }}
    >
      <NameField label={t('flowDialogs.name')} value={name} placeholder={t('flowDialogs.namePlaceholder')} onChange={changeName} />
      <IdField
        label={t('flowDialogs.id')}
        value={id}
        problem={problem ? idProblemText(problem, t, 'flow') : undefined}
        help={t('flowDialogs.fileName', { id: id || '<id>' })}
        onChange={changeId}
      />
      <div className="field">
        <label htmlFor={`${ids}-from`}>{t('flowDialogs.startFrom')}</label>
        <select id={`${ids}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
          <option value="">{t('flowDialogs.blank')}</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {t('flowDialogs.copyOf', { name: flow.name ?? flow.id })}
            </option>
          ))}
        </select>
      </div>
    </ActionDialog>
  );
}
