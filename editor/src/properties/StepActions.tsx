/**
 * @module Moving, duplicating and deleting the selected step or branch.
 */

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
  return (
    <div className="step-actions" role="group" aria-label={`${noun} actions`}>
      <button type="button" className="button button-small" aria-label={`Move ${noun} up`} title="Alt+↑" disabled={!canMoveUp} onClick={() => onMove(-1)}>
        ↑ Up
      </button>
      <button type="button" className="button button-small" aria-label={`Move ${noun} down`} title="Alt+↓" disabled={!canMoveDown} onClick={() => onMove(1)}>
        ↓ Down
      </button>
      <button type="button" className="button button-small" aria-label={`Duplicate ${noun}`} title="Ctrl+D" onClick={onDuplicate}>
        Duplicate
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        aria-label={`Delete ${noun}`}
        title={canDelete ? 'Delete' : deleteReason}
        disabled={!canDelete}
        onClick={onDelete}
      >
        Delete
      </button>
    </div>
  );
}
