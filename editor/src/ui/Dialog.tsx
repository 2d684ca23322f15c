/**
 * @module A modal dialog: labelled by its title, closed with Escape or the backdrop, focus starts inside;
 * and the dialog that asks for something and does it (Cancel and one action, the error shown in it).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { ErrorAlert } from './ErrorAlert.js';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom. */
  footer?: ReactNode;
  width?: number;
  className?: string;
}

export function Dialog({ title, onClose, children, footer, width = 480, className }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // Children focus their own first field (autoFocus); otherwise the first control inside gets focus.
    if (!panel.current?.contains(document.activeElement)) {
      panel.current?.querySelector<HTMLElement>('.dialog-body input, .dialog-body select, .dialog-body textarea, button')?.focus();
    }
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        className={`dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        style={{ width }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer ? <footer className="dialog-footer">{footer}</footer> : null}
      </div>
    </div>
  );
}

/**
 * Runs a dialog's action: busy while it runs, its error when it throws (the dialog stays open to say so).
 *
 * @example
 * const { busy, error, run } = useDialogAction(() => renameFlow(flow, name, id));
 */
export function useDialogAction(action: () => Promise<void> | void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export interface ActionDialogProps {
  title: string;
  onClose: () => void;
  /** The dialog's one action, the button beside Cancel. */
  action: {
    label: string;
    /** Shown on the button while busy; the label when not given. */
    busyLabel?: string;
    busy?: boolean;
    disabled?: boolean;
    /** A destructive action (delete): a red button, and focus starts on Cancel. */
    danger?: boolean;
    run: () => void;
  };
  /** Shown above the form. */
  intro?: ReactNode;
  /** The fields; Enter in one of them runs the action. */
  children?: ReactNode;
  /** Whether `children` are fields (a form submitted by Enter) or text; default fields. */
  form?: boolean;
  /** Why the action failed. */
  error?: string;
}

/** A dialog that asks for something and does it: Cancel and one action at the bottom, the error under it. */
export function ActionDialog({ title, onClose, action, intro, children, form = true, error }: ActionDialogProps) {
  const { t } = useTranslation();
  const { label, busyLabel, busy = false, disabled = false, danger = false, run } = action;
  const footer = (
    <>
      <button type="button" className="button" onClick={onClose} autoFocus={danger}>
        {t('common.cancel')}
      </button>
      <button type="button" className={`button ${danger ? 'button-danger-solid' : 'button-primary'}`} disabled={busy || disabled} onClick={run}>
        {busy ? (busyLabel ?? label) : label}
      </button>
    </>
  );
  return (
    <Dialog title={title} onClose={onClose} footer={footer}>
      {intro}
      {children == null || !form ? (
        children
      ) : (
        <form
          className="schema-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy && !disabled) run();
          }}
        >
          {children}
          <button type="submit" hidden />
        </form>
      )}
      <ErrorAlert>{error}</ErrorAlert>
    </Dialog>
  );
}
