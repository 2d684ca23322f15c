/**
 * @module Renaming a flow: its display name, and its id (which renames the file).
 */
import { useState } from 'react';
import type { FlowSummary } from '../api/types.js';
import { idProblem, idProblemText } from '../model/ids.js';
import { useTranslation } from '../i18n/i18n.js';
import { ActionDialog, useDialogAction } from '../ui/Dialog.js';
import { IdField, NameField } from '../ui/IdField.js';
import { renameFlow } from './flow-files.js';

export interface RenameDialogProps {
  flow: FlowSummary;
  taken: ReadonlySet<string>;
  onDone: (renamed: boolean) => void;
}

export function RenameDialog({ flow, taken, onDone }: RenameDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(flow.name ?? flow.id);
  const [id, setId] = useState(flow.id);
  const others = new Set([...taken].filter((other) => other !== flow.id));
  const problem = idProblem(id, others);
  const ready = !problem && name.trim() !== '';
  const { busy, error, run } = useDialogAction(async () => {
    if (!ready) return;
    await renameFlow(flow, name.trim(), id);
    onDone(true);
  });
  return (
    <ActionDialog
      title={t('flowDialogs.renameTitle', { name: flow.name ?? flow.id })}
      onClose={() => onDone(false)}
      error={error}
      action={{ label: t('flowDialogs.rename'), busyLabel: t('flowDialogs.renaming'), busy, disabled: !ready, run: () => void run() }}
    >
      <NameField label={t('flowDialogs.name')} value={name} onChange={setName} />
      <IdField
        label={t('flowDialogs.id')}
        value={id}
        problem={problem ? idProblemText(problem, t, 'flow') : undefined}
        help={id === flow.id ? t('flowDialogs.idRenamesFile') : t('flowDialogs.renamesTo', { id })}
        onChange={setId}
      />
    </ActionDialog>
  );
}
