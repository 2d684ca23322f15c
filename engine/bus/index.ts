/**
 * @module The event bus (public API): create it, and the file formats it reads. Its HTTP routes are the API's
 * (`engine/server/api/bus-routes.ts`).
 */
export { createEventBus, type EventBus } from './event-bus.js';
export { DEFAULT_LIMITS, type BusLimits, type EventBusOptions } from './options.js';
export { builtinTargetTypes, createTargetRegistry, type TargetRegistry } from './targets/index.js';
export { generateBusSchema, generateRuleSchema, BUS_SCHEMA_ID, RULE_SCHEMA_ID } from './files/schema.js';
export { formatBus, formatRule } from './files/canonical.js';
export { validateBus, validateRule, type ValidateRuleOptions } from './files/validate.js';
export { parseBusText, parseRuleText, findBusFiles } from './files/load.js';
export {
  BUS_FORMAT,
  RULE_FORMAT,
  BUS_FILE_SUFFIX,
  RULE_FILE_SUFFIX,
  DEFAULT_BUS_ID,
  type BusDocument,
  type RuleDocument,
  type RuleTarget,
  type RuleTransform,
} from './files/format.js';
export { EVENT_TEMPLATES, templateEvent, type EventTemplate } from './templates.js';
export type { DeadLetter } from './stores/dead-letters.js';
export type { LogEntry, LogSearch } from './stores/log-store.js';
export type { EventTrace, TargetTrace } from './stores/traces.js';
export type { BusLog } from './delivery/deps.js';
export type * from './types.js';
