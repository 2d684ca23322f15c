/**
 * @module Structured logging and secret redaction.
 */
export {
  createLogger,
  errorFields,
  LOG_LEVEL_NAMES,
  type LogFields,
  type Logger,
  type LoggerOptions,
  type LogLevelName,
  type LogThreshold,
} from './logger.js';
export { createRedactor, MIN_SECRET_LENGTH, REDACTED, type Redactor } from './redact.js';
