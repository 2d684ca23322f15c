/**
 * @module Asks before unsaved changes of the flow are lost: the page closed or reloaded, browser Back or
 * Forward, a typed URL, or any link to another page of the app.
 */
import { useEffect } from 'react';
import { guardLeaving } from '../app/use-hash-route.js';
import { i18n } from '../i18n/i18n.js';

export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const stopGuarding = guardLeaving(() => window.confirm(i18n.t('notices.leave')));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      stopGuarding();
    };
  }, [dirty]);
}
