/**
 * @module The flow runtime's public entry.
 */
export { compileFlow, type CompileOptions } from './compile.js';
export { DEFAULT_EXECUTION_TIMEOUT_MS } from './execute.js';
export { realClock, sleep } from './clock.js';
export { summarizeValue, SUMMARY_LIMIT } from './summary.js';
export { MAX_CALL_DEPTH } from './step-runner.js';
export type * from './types.js';
export { eventTriggerInput, type EventOrigin } from './trigger-input.js';
export { loadFlowCatalog, type FlowCatalog } from './catalog.js';
