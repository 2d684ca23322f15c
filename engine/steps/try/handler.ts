/**
 * @module The config schema of a Try's Catch handler, its settings with defaults, and the retry schedule
 * they give.
 */
import { matchesErrorType } from '../../core/errors.js';
import type { JsonSchema, SettingsOf } from '../../core/json-schema.js';
import { readEnum, readInteger, readString, isPlainObject, invalidConfig } from '../config-values.js';

/** Defaults of a Catch handler's config, shared by the schema and the runtime. */
export const CATCH_DEFAULTS = {
  errorTypes: ['ANY'],
  retries: 0,
  retryIntervalMs: 1000,
  backoff: 'fixed',
} as const;

export const MAX_RETRIES = 10;
export const MAX_RETRY_INTERVAL_MS = 300_000;
export const BACKOFF_KINDS = ['fixed', 'exponential'] as const;

/** The error type pattern a Catch handler selects on: `ANY`, a namespace, or an exact `NAMESPACE:NAME`. */
export const ERROR_SELECTOR_PATTERN = '^(?:ANY|[A-Z][A-Z0-9_]*(?::[A-Z][A-Z0-9_]*)?)$';

/** The schema of a Catch branch's `config`. */
export const catchConfigSchema = {
  type: 'object',
  properties: {
    errorTypes: {
      type: 'array',
      title: 'Error types',
      description:
        'The errors it catches: `ANY`, a namespace like `HTTP`, or an exact type like `HTTP:STATUS`.',
      items: { type: 'string', pattern: ERROR_SELECTOR_PATTERN },
      minItems: 1,
      default: [...CATCH_DEFAULTS.errorTypes],
      'x-expression': false,
    },
    retries: {
      type: 'integer',
      title: 'Retries',
      description: 'How many times to re-run the Try body before running this handler.',
      minimum: 0,
      maximum: MAX_RETRIES,
      default: CATCH_DEFAULTS.retries,
      'x-expression': false,
    },
    retryIntervalMs: {
      type: 'integer',
      title: 'Retry interval (ms)',
      description: 'How long to wait before a retry, in milliseconds.',
      minimum: 0,
      maximum: MAX_RETRY_INTERVAL_MS,
      default: CATCH_DEFAULTS.retryIntervalMs,
      'x-expression': false,
    },
    backoff: {
      type: 'string',
      title: 'Backoff',
      description:
        '`fixed` waits the interval each time; `exponential` doubles it at each retry (at most 5 minutes).',
      enum: BACKOFF_KINDS,
      default: CATCH_DEFAULTS.backoff,
      'x-expression': false,
    },
  },
  additionalProperties: false,
} as const satisfies JsonSchema;

/** A Catch handler's config with defaults applied. */
export type CatchHandlerSettings = SettingsOf<typeof catchConfigSchema>;

/**
 * Reads a Catch branch's `config` (possibly absent) and applies defaults; a bad value is a VALIDATION error.
 *
 * @example
 * catchHandlerSettings({ errorTypes: ['HTTP'], retries: 2 }).retryIntervalMs; // 1000
 */
export function catchHandlerSettings(config: unknown): CatchHandlerSettings {
  const values = config == null ? {} : isPlainObject(config) ? config : undefined;
  if (!values) throw invalidConfig('catch config', 'an object', config);
  const errorTypes = values.errorTypes ?? CATCH_DEFAULTS.errorTypes;
  if (!Array.isArray(errorTypes) || errorTypes.length === 0) {
    throw invalidConfig('errorTypes', 'a non-empty list of error types', errorTypes);
  }
  return {
    errorTypes: errorTypes.map((type, index) => readString(type, `errorTypes[${index}]`)),
    retries: readInteger(values.retries ?? CATCH_DEFAULTS.retries, 'retries', 0, MAX_RETRIES),
    retryIntervalMs: readInteger(
      values.retryIntervalMs ?? CATCH_DEFAULTS.retryIntervalMs,
      'retryIntervalMs',
      0,
      MAX_RETRY_INTERVAL_MS,
    ),
    backoff: readEnum(values.backoff ?? CATCH_DEFAULTS.backoff, 'backoff', BACKOFF_KINDS),
  };
}

/** Whether a handler catches an error of this type (`ANY`, the exact type, or its namespace). */
export function handlerMatches(handler: CatchHandlerSettings, errorType: string): boolean {
  return handler.errorTypes.some((selector) => matchesErrorType(selector, errorType));
}

/** The index of the first handler that catches this error type, or -1: the error propagates. */
export function firstMatchingHandler(handlers: CatchHandlerSettings[], errorType: string): number {
  return handlers.findIndex((handler) => handlerMatches(handler, errorType));
}

/**
 * How long to wait before the `retry`-th re-run (1-based) of the Try body: the interval for `fixed`,
 * doubled at each retry for `exponential`, never more than {@link MAX_RETRY_INTERVAL_MS}.
 *
 * @example
 * retryDelayMs({ ...catchHandlerSettings({}), backoff: 'exponential' }, 3); // 4000
 */
export function retryDelayMs(handler: CatchHandlerSettings, retry: number): number {
  if (handler.backoff === 'fixed') return handler.retryIntervalMs;
  return Math.min(handler.retryIntervalMs * 2 ** (retry - 1), MAX_RETRY_INTERVAL_MS);
}
