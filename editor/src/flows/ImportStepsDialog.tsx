/**
 * @module Importing a flow file into the open flow: the file checked, and its steps added at the end of the
 * flow, their ids made unique against the flow (the trigger of the file is not taken).
 */
import { useTranslation } from '../i18n/i18n.js';
import { rootSteps } from '../model/draft.js';
import { Dialog } from '../ui/Dialog.js';
import { ImportProblems } from './ImportProblems.js';
import { useImportCheck } from './use-import-check.js';

export interface ImportStepsDialogProps {
  fileName: string;
  text: string;
  onAdd: (steps: unknown[]) => void;
  onClose: () => void;
}

export function ImportStepsDialog({ fileName, text, onAdd, onClose }: ImportStepsDialogProps) {
  const { t } = useTranslation();
  const check = useImportCheck(text);
  const steps = 'document' in check.read ? rootSteps(check.read.document) : [];
  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="button" className="button button-primary" disabled={steps.length === 0 || !check.issues} onClick={() => onAdd(steps)}>
        {t('flowImport.addSteps', { count: steps.length })}
      </button>
    </>
  );
  return (
    <Dialog title={t('flowImport.title', { file: fileName })} onClose={onClose} footer={footer} width={560}>
      <ImportProblems check={check} fileName={fileName} problemsKey="flowImport.stepProblems" />
      {'document' in check.read && steps.length === 0 ? <p className="error-text">{t('flowImport.noSteps', { file: fileName })}</p> : null}
    </Dialog>
  );
}
