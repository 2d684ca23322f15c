/**
 * @module Runtime state outside flows/: the store interface, the embedded lowdb store, secrets, connections.
 */
export {
  createConnectionService,
  type ConnectionInput,
  type ConnectionPatch,
  type ConnectionService,
  type ConnectionServiceOptions,
  type ConnectionView,
} from './connections.js';
export { CONNECTION_NAME_PATTERN } from './connection-values.js';
export {
  createSecretBox,
  loadSecretKey,
  parseSecretKey,
  SECRET_KEY_ENV,
  SECRET_KEY_FILE,
  type SecretBox,
  type SecretKeySource,
} from './crypto.js';
export { type Recovery } from './data-file.js';
export { HISTORY_FILE_NAME, STATE_FILE_NAME, type HistoryData, type StateData } from './store-files.js';
export { DEFAULT_EXECUTION_LIMIT, MAX_EXECUTION_LIMIT, summarizeExecution } from './execution-query.js';
export { HISTORY_DIR_NAME, openLowdbStore, type LowdbStoreOptions, type OpenedStore } from './lowdb-store.js';
export {
  ExecutionHistory,
  type ExecutionHistoryOptions,
  type HistoryDamage,
  type RecordDamage,
} from './history/execution-history.js';
export { expiredPrefix, pruneFlowHistory } from './retention.js';
export type * from './types.js';
