/**
 * @module The engine's public surface for connectors: everything a connector may import from the engine.
 * Connectors import from this module only (the dependency check in `.dependency-cruiser.cjs` fails the
 * test suite otherwise); what is not re-exported here is an engine internal and may change freely.
 *
 * @example
 * import { defineStep, FlowbusError, readString, type StepDefinition } from '../../engine/sdk.js';
 */
import type { ConnectionTypeDefinition } from './core/connection-type.js';
import type { TargetTypeDefinition } from './bus/types.js';
import type { SourceTypeDefinition } from './bus/sources/index.js';

// Steps: the definition object and what `execute` receives.
export { defineStep } from './core/step-definition.js';
export type {
  Clock,
  ConnectionResolver,
  FieldTexts,
  FieldTextsByPath,
  LogLevel,
  StepCategory,
  StepContext,
  StepDefinition,
  StepLogger,
  StepTexts,
} from './core/step-definition.js';
export type { ConfigOf, JsonSchema, SettingsOf } from './core/json-schema.js';
export { createMessage, type Message } from './core/message.js';

// Connection types.
export type { ConnectionTypeDefinition } from './core/connection-type.js';

// Errors: data once they cross a step, matched on `type`.
export { FlowbusError, toFlowError, type FlowError } from './core/errors.js';

// Config helpers: typed reads of evaluated config values, each failing with a VALIDATION error.
export {
  describeValue,
  invalidConfig,
  isPlainObject,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readOptionalString,
  readString,
} from './steps/config-values.js';

// Secrets in messages: what a vendor or a socket answered, with the request's secrets masked.
export { redact, REDACTED, webhookSecrets } from './logging/redact.js';

// HTTP failures: the code and reason of a failed `fetch`.
export { networkCode } from './steps/http-request/failure.js';

// Expressions, for connectors that fill templates.
export { compileTemplate, type CompiledExpression } from './expressions/index.js';

// Bus target types and deliveries.
export type {
  BusServices,
  DeliveryContext,
  DeliveryItem,
  DeliveryReceipt,
  TargetConfigIssue,
  TargetProbeProblem,
  TargetProbeServices,
  TargetTypeDefinition,
  TargetTypeTexts,
} from './bus/types.js';
export { deferDelivery, deferredUntil } from './bus/delivery/defer.js';
export { webhookTarget } from './bus/targets/index.js';

// Bus event sources.
export type { SourceContext, SourceProblem, SourceTypeDefinition } from './bus/sources/index.js';
export { fillTemplate, keepConnected, readBindingMessage, wrapMessage } from './bus/sources/index.js';

// State kept in the data folder: the service interface and the append-only ledger.
export type { DataFolderService } from './core/data-service.js';
export { KeyedLedger, type KeyedLedgerOptions, type LedgerEntry } from './store/segments/index.js';

// The test bed: a step context and a clock that tests control, and the registries to check against.
export {
  createStepContext,
  createTestClock,
  runStep,
  type CapturedLog,
  type StepContextOverrides,
  type TestClock,
  type TestStepContext,
} from './steps/testing.js';
export { createRegistry, type Registry } from './core/registry.js';
export { builtinTargetTypes, createTargetRegistry, validateRule } from './bus/index.js';

/**
 * Declares a bus target type; the identity function, for inference and symmetry with `defineStep`.
 *
 * @example
 * export const auditTarget = defineTargetType({ type: 'audit', title: 'Audit', config, deliver });
 */
export function defineTargetType<Config>(
  definition: TargetTypeDefinition<Config>,
): TargetTypeDefinition<Config> {
  return definition;
}

/**
 * Declares a connection type (its JSON Schema with `x-secret` marks); the identity function.
 *
 * @example
 * export const smtpConnection = defineConnectionType({ type: 'email', title: 'SMTP server', schema });
 */
export function defineConnectionType(definition: ConnectionTypeDefinition): ConnectionTypeDefinition {
  return definition;
}

/**
 * Declares a bus event source type; the identity function.
 *
 * @example
 * export const natsSource = defineSourceType({ type: 'nats', title: 'NATS subject', config, start });
 */
export function defineSourceType<Config>(
  definition: SourceTypeDefinition<Config>,
): SourceTypeDefinition<Config> {
  return definition;
}
