/**
 * @module The flowbus server: HTTP triggers, the management API, the embedded store and execution history.
 */
export { httpAuthConnectionType } from './http-auth-connection.js';
export { EXECUTION_HEADER } from './json-response.js';
export type { RunningServer, ServerOptions } from './options.js';
export { startServer } from './start.js';
export type { FallbackHandler } from './triggers/dispatcher.js';
export { loadConfig, type LoadConfigOptions, type ConfigOverrides } from '../config/load.js';
export type { ServerConfig } from '../config/types.js';
