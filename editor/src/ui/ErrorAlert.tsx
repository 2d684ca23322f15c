/**
 * @module Why something just asked for failed, in a line announced to screen readers; nothing when it did not.
 */
import type { ReactNode } from 'react';

export function ErrorAlert({ children }: { children?: ReactNode }) {
  if (children === undefined || children === null || children === false || children === '') return null;
  return (
    <p className="field-error" role="alert">
      {children}
    </p>
  );
}
