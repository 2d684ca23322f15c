/**
 * @module Environments: one file per environment under the flows folder, checked against the flows and
 * resolved when a server starts in it.
 */
export { checkInEnvironment, type CheckedFlow, type EnvironmentCheck } from './check.js';
export { environmentFile, ENVIRONMENT_FILE_ENDING, ENVIRONMENT_FORMAT, ENVIRONMENTS_FOLDER, type EnvironmentDocument } from './format.js';
export { loadEnvironmentFile, resolveEnvironment, type LoadedEnvironment, type ResolvedEnvironment } from './load.js';
export { openEnvironment, withEnvironmentConnections, keepEnvironmentSecrets, type OpenedEnvironment } from './serve.js';
export { environmentUses, ruleEnvironmentUses, type EnvironmentUse } from './usage.js';
export { validateEnvironment } from './validate.js';
