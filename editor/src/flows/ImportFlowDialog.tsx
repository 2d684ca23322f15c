/**
 * @module Importing a flow file on the flow list: the file checked, its id (from the file name, made unique
 * against the flows and drafts listed, editable), and the flow kept as a draft, to be published from the
 * editor — so that a file with problems can be imported and fixed there.
 */
import { useId, useState } from 'react';
import { putDraft } from '../api/drafts.js';
import { useTranslation } from '../i18n/i18n.js';
import { Dialog } from '../ui/Dialog.js';
import { flowIdProblem, importedFlowId, withUniqueStepIds } from './flow-import.js';
import { ImportProblems } from './ImportProblems.js';
import { useImportCheck } from './use-import-check.js';

export interface ImportFlowDialogProps {
  fileName: string;
  text: string;
  /** Ids of the flows and drafts listed. */
  taken: ReadonlySet<string>;
  onImported: (id: string) => void;
  onClose: () => void;
}

export function ImportFlowDialog({ fileName, text, taken, onImported, onClose }: ImportFlowDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  // Until the user types one, the id follows the list (which may still be loading when a file is dropped).
  const [typedId, setId] = useState<string>();
  const id = typedId ?? importedFlowId(fileName, taken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const check = useImportCheck(text);
  const problem = flowIdProblem(id, taken);
  const unique = 'document' in check.read ? withUniqueStepIds(check.read.document) : undefined;
  const document = unique?.document;
  const run = async () => {
    if (!document || problem) return;
    setBusy(true);
    try {
      await putDraft(id, document, null, 'new');
      onImported(id);
    } catch (thrown) {
      setError(t('flowImport.failed', { message: (thrown as Error).message }));
      setBusy(false);
    }
  };
  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="button" className="button button-primary" disabled={!document || !!problem || busy || !check.issues} onClick={() => void run()}>
        {busy ? t('flowImport.importing') : t('flowImport.importAsDraft')}
      </button>
    </>
  );
  return (
    <Dialog title={t('flowImport.title', { file: fileName })} onClose={onClose} footer={footer} width={560}>
      <ImportProblems check={check} fileName={fileName} problemsKey="flowImport.problems" />
      {document ? (
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={fieldId}>{t('flowImport.id')}</label>
          <input id={fieldId} type="text" className="mono" value={id} onChange={(event) => setId(event.target.value.trim())} aria-invalid={problem ? true : undefined} />
          {problem === 'taken' ? (
            <p className="field-error" role="alert">{t('flowImport.idTaken', { id, suggestion: importedFlowId(id, taken) })}</p>
          ) : null}
          {problem === 'invalid' ? <p className="field-error" role="alert">{t('flowImport.idInvalid')}</p> : null}
        </div>
      ) : null}
      {unique && unique.renamed.length > 0 ? <p className="import-renamed">{t('flowImport.renamed', { list: unique.renamed.join(', ') })}</p> : null}
      {error ? <p className="error-text" role="alert">{error}</p> : null}
    </Dialog>
  );
}
