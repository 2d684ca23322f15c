/**
 * @module The two documents of the embedded store: the state (publish switches, connections) and the
 * execution history, each with its checks; and the move of an older single-file store into the two.
 */
import { type DocumentKind, isRecord } from './data-file.js';
import type { PublishState, StoredConnection, StoredExecution } from './types.js';

/** Publish state and connections, as written to {@link STATE_FILE_NAME}. */
export interface StateData {
  version: 2;
  flows: Record<string, PublishState>;
  connections: Record<string, StoredConnection>;
}

/** The execution history, as written to {@link HISTORY_FILE_NAME}. */
export interface HistoryData {
  version: 1;
  /** Executions by flow id, oldest first. */
  executions: Record<string, StoredExecution[]>;
}

/** The state file's name inside the data folder (it held the history too, as version 1). */
export const STATE_FILE_NAME = 'flowbus-store.json';

/** The history file's name inside the data folder. */
export const HISTORY_FILE_NAME = 'flowbus-history.json';

function executionsProblem(executions: Record<string, unknown>): string | undefined {
  for (const [flowId, list] of Object.entries(executions)) {
    if (!Array.isArray(list) || !list.every((item) => isRecord(item) && typeof item.id === 'string')) {
      return `the executions of flow "${flowId}" are not a list of records`;
    }
  }
  return undefined;
}

function stateProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'it does not hold a JSON object';
  const { version } = data;
  if (version !== 1 && version !== 2) return `its version is ${JSON.stringify(version)}, expected 2`;
  for (const key of ['flows', 'connections'] as const) {
    if (!isRecord(data[key])) return `"${key}" is not an object`;
  }
  for (const [name, connection] of Object.entries(data.connections as Record<string, unknown>)) {
    if (!isRecord(connection) || !isRecord(connection.secrets) || !isRecord(connection.values)) {
      return `connection "${name}" is malformed`;
    }
  }
  // Version 1 held the history too: a damaged history there costs the history only (see splitLegacyState).
  return undefined;
}

function historyProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'it does not hold a JSON object';
  if (data.version !== 1) return `its version is ${JSON.stringify(data.version)}, expected 1`;
  if (!isRecord(data.executions)) return '"executions" is not an object';
  return executionsProblem(data.executions);
}

/** The state document: small, written on every switch and connection change, with a last good copy. */
export const STATE_DOCUMENT: DocumentKind<StateData> = {
  empty: () => ({ version: 2, flows: {}, connections: {} }),
  problem: stateProblem,
  backup: true,
};

/** The history document: written often (coalesced), never allowed to take the state along when damaged. */
export const HISTORY_DOCUMENT: DocumentKind<HistoryData> = {
  empty: () => ({ version: 1, executions: {} }),
  problem: historyProblem,
};

/**
 * A version-1 state (the single-file store) gives its history to the history document: returns the
 * executions to move (and why they could not be, when they are damaged), or undefined for version 2.
 */
export function splitLegacyState(
  state: StateData,
): { executions: HistoryData['executions']; problem?: string } | undefined {
  const legacy = state as unknown as { version: number; executions?: unknown };
  if (legacy.version !== 1) return undefined;
  const executions = legacy.executions ?? {};
  delete legacy.executions;
  state.version = 2;
  if (!isRecord(executions)) return { executions: {}, problem: '"executions" is not an object' };
  const problem = executionsProblem(executions);
  return problem ? { executions: {}, problem } : { executions: executions as HistoryData['executions'] };
}
