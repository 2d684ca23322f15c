/**
 * @module Moving, duplicating and deleting the selected step or branch.
 */
import { useTranslation } from '../i18n/i18n.js';

export interface StepActionsProps {
  noun: 'step' | 'branch';
  canMoveUp: boolean;
  canMoveDown: boolean;
  canDelete: boolean;
  deleteReason?: string;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function StepActions({ noun, canMoveUp, canMoveDown, canDelete, deleteReason, onMove, onDuplicate, onDelete }: StepActionsProps) {
  const { t } = useTranslation();
  const step = noun === 'step';
  return (
    <div className="step-actions" role="group" aria-label={t(step ? 'stepActions.stepGroup' : 'stepActions.branchGroup')}>
      <button type="button" className="button button-small" aria-label={t(step ? 'stepActions.moveStepUp' : 'stepActions.moveBranchUp')} title="Alt+↑" disabled={!canMoveUp} onClick={() => onMove(-1)}>
        {t('stepActions.up')}
      </button>
      <button type="button" className="button button-small" aria-label={t(step ? 'stepActions.moveStepDown' : 'stepActions.moveBranchDown')} title="Alt+↓" disabled={!canMoveDown} onClick={() => onMove(1)}>
        {t('stepActions.down')}
      </button>
      <button type="button" className="button button-small" aria-label={t(step ? 'stepActions.duplicateStep' : 'stepActions.duplicateBranch')} title="Ctrl+D" onClick={onDuplicate}>
        {t('stepActions.duplicate')}
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        aria-label={t(step ? 'stepActions.deleteStep' : 'stepActions.deleteBranch')}
        title={canDelete ? t('stepActions.delete') : deleteReason}
        disabled={!canDelete}
        onClick={onDelete}
      >
        {t('stepActions.delete')}
      </button>
    </div>
  );
}
