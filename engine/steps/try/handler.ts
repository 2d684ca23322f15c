/**
 * @module The settings of a Try's Catch handler, with defaults, and the retry schedule they give.
 */
import { matchesErrorType } from '../../core/errors.js';
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

/** A Catch handler's config with defaults applied. */
export interface CatchHandlerSettings {
  errorTypes: string[];
  retries: number;
  retryIntervalMs: number;
  backoff: (typeof BACKOFF_KINDS)[number];
}

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
