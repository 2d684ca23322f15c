/**
 * @module Typed errors: `NAMESPACE:NAME` strings that Catch handlers match on.
 */

/** An error once it has crossed a step: plain data, matched by `type`, never by `instanceof`. */
export interface FlowError {
  /** `EXPRESSION:TIMEOUT`, `HTTP:STATUS`, `WECOM:RATE_LIMITED`, `CUSTOM:ORDER_REJECTED`, ... */
  type: string;
  message: string;
  /** The id of the step that raised it. */
  step?: string;
  details?: Record<string, unknown>;
}

/** The error type given to anything thrown that is not a FlowbusError (a bug or a library's error). */
export const UNKNOWN_ERROR_TYPE = 'FLOWBUS:UNEXPECTED';

/**
 * An error thrown by engine or step code with its type.
 *
 * @example
 * throw new FlowbusError('HTTP:STATUS', 'POST https://example.test answered 502', { status: 502 });
 */
export class FlowbusError extends Error {
  readonly type: string;
  readonly details?: Record<string, unknown>;
  step?: string;

  constructor(type: string, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FlowbusError';
    this.type = type;
    this.details = details;
  }

  toJSON(): FlowError {
    return toFlowError(this);
  }
}

function isFlowErrorLike(value: unknown): value is FlowError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FlowError).type === 'string' &&
    typeof (value as FlowError).message === 'string'
  );
}

/** Turns anything thrown into FlowError data; the step id is filled in when it is not set yet. */
export function toFlowError(thrown: unknown, step?: string): FlowError {
  if (thrown instanceof FlowbusError || isFlowErrorLike(thrown)) {
    const error: FlowError = { type: thrown.type, message: thrown.message };
    const origin = thrown.step ?? step;
    if (origin) error.step = origin;
    if (thrown.details) error.details = thrown.details;
    return error;
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const error: FlowError = { type: UNKNOWN_ERROR_TYPE, message };
  if (step) error.step = step;
  if (thrown instanceof Error) error.details = { name: thrown.name };
  return error;
}

/** The namespace of a type: `HTTP` for `HTTP:STATUS`, the type itself when it has no colon. */
export function errorNamespace(type: string): string {
  const colon = type.indexOf(':');
  return colon === -1 ? type : type.slice(0, colon);
}

/**
 * Whether a Catch handler's selector matches an error type: `ANY`, the exact type, or its namespace.
 *
 * @example
 * matchesErrorType('HTTP', 'HTTP:STATUS'); // true
 */
export function matchesErrorType(selector: string, type: string): boolean {
  if (selector.toUpperCase() === 'ANY') return true;
  if (selector === type) return true;
  return !selector.includes(':') && errorNamespace(type) === selector;
}
