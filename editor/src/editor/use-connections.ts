/**
 * @module Connection configs for the property forms, and the dialog that creates one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { listConnections } from '../api/connections.js';
import type { ConnectionSummary } from '../api/types.js';

export interface ConnectionsState {
  connections?: ConnectionSummary[];
  /** The connection type whose creation dialog is open. */
  creating?: string;
  /** Opens the dialog; resolves with the new connection's name, or undefined when cancelled. */
  create: (type: string) => Promise<string | undefined>;
  /** Closes the dialog with its result. */
  finish: (name: string | undefined) => void;
}

export function useConnections(): ConnectionsState {
  const [connections, setConnections] = useState<ConnectionSummary[]>();
  const [creating, setCreating] = useState<string>();
  const pending = useRef<(name: string | undefined) => void>(undefined);
  const refresh = useCallback(() => {
    listConnections().then(setConnections, () => setConnections([]));
  }, []);
  useEffect(refresh, [refresh]);
  const create = useCallback(
    (type: string) =>
      new Promise<string | undefined>((resolve) => {
        pending.current = resolve;
        setCreating(type);
      }),
    [],
  );
  const finish = useCallback(
    (name: string | undefined) => {
      setCreating(undefined);
      pending.current?.(name);
      pending.current = undefined;
      if (name) refresh();
    },
    [refresh],
  );
  return { connections, creating, create, finish };
}
