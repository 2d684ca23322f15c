/**
 * @module Asks before something that cannot be undone (deleting a flow file).
 */
import type { ReactNode } from 'react';
import { ActionDialog, useDialogAction } from './Dialog.js';
import { useTranslation } from '../i18n/i18n.js';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { busy, error, run } = useDialogAction(onConfirm);
  return (
    <ActionDialog
      title={title}
      onClose={onClose}
      form={false}
      error={error}
      action={{ label: confirmLabel, busyLabel: t('common.working'), busy, danger: true, run: () => void run() }}
    >
      {children}
    </ActionDialog>
  );
}
