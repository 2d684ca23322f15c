/**
 * @module The draft compared with the published file, as the server's semantic diff: steps added, removed,
 * moved and changed, with each changed field's old and new value. The draft is written first, so the diff is
 * of what the editor shows.
 */
import { useEffect, useState } from 'react';
import { draftChanges, type DraftChanges } from '../api/drafts.js';
import { DiffEntryList } from '../changes/DiffEntryList.js';
import { useTranslation } from '../i18n/i18n.js';
import { Dialog } from '../ui/Dialog.js';
import { Spinner } from '../ui/Spinner.js';

export interface DraftChangesDialogProps {
  flowId: string;
  /** Writes the draft now; false when it could not be. */
  flush: () => Promise<boolean>;
  onSelectStep: (stepId: string) => void;
  onClose: () => void;
}

const UNCHANGED: DraftChanges = { status: 'unchanged', changes: [] };

export function DraftChangesDialog({ flowId, flush, onSelectStep, onClose }: DraftChangesDialogProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<DraftChanges>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    void flush()
      // No draft after a successful write: the editor holds the published file.
      .then(() => draftChanges(flowId, controller.signal).catch((thrown: { status?: number }) => {
        if (thrown.status === 404) return UNCHANGED;
        throw thrown;
      }))
      .then(setResult)
      .catch((thrown: Error) => {
        if (!controller.signal.aborted) setError(thrown.message);
      });
    return () => controller.abort();
  }, [flowId, flush]);
  return (
    <Dialog title={t('draft.changesTitle')} onClose={onClose} width={640} className="draft-changes">
      {error ? <p className="error-text">{t('draft.changesFailed', { message: error })}</p> : null}
      {!result && !error ? <Spinner label={t('draft.changesLoading')} /> : null}
      {result?.status === 'added' ? <p className="changes-note">{t('draft.changesNew')}</p> : null}
      {result && result.changes.length === 0 ? <p className="changes-note muted">{t('draft.changesNone')}</p> : null}
      {result ? (
        <DiffEntryList
          entries={result.changes}
          onSelectStep={(stepId) => {
            onSelectStep(stepId);
            onClose();
          }}
        />
      ) : null}
    </Dialog>
  );
}
