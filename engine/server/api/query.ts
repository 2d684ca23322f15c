/**
 * @module The query reader of the API (executions, events, dead letters, the log store): each parameter given
 * at most once and typed; a bad one is a 400 naming the parameter, the value and what was expected, e.g.
 * `query parameter "limit": "0" is not an integer from 1 to 100`. An empty parameter counts as absent.
 */
import { badRequest } from './errors.js';

/** The typed parameters of one query string. */
export interface QueryReader {
  string(name: string): string | undefined;
  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined;
  integer(name: string, range: { min: number; max?: number }): number | undefined;
  boolean(name: string): boolean | undefined;
  /** Milliseconds since the epoch, given as such or as an ISO 8601 date-time. */
  time(name: string): number | undefined;
  /** `limit` (1..`maxLimit`, default 20) and `offset` (default 0). */
  paging(maxLimit?: number): { limit: number; offset: number };
}

/**
 * Reads `query` (express's `request.query`); with `known`, any other parameter is a 400.
 *
 * @example
 * const query = readQuery(request.query, ['status', 'limit']);
 * query.oneOf('status', ['failed', 'succeeded']); // 400 for ?status=lost
 */
export function readQuery(query: Record<string, unknown>, known?: readonly string[]): QueryReader {
  for (const name of known ? Object.keys(query) : []) {
    if (!known!.includes(name)) throw badRequest(`unknown query parameter "${name}"; expected one of ${known!.join(', ')}`);
  }
  const refuse = (name: string, value: string, expected: string) =>
    badRequest(`query parameter "${name}": "${value}" is not ${expected}`);
  const string = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw badRequest(`query parameter "${name}" must be given once`);
    return value;
  };
  const integer = (name: string, { min, max }: { min: number; max?: number }): number | undefined => {
    const text = string(name);
    if (text === undefined) return undefined;
    const number = Number(text);
    if (/^\d+$/.test(text) && number >= min && (max === undefined || number <= max)) return number;
    throw refuse(name, text, max === undefined ? `an integer of ${min} or more` : `an integer from ${min} to ${max}`);
  };
  return {
    string,
    integer,
    oneOf<T extends string>(name: string, values: readonly T[]) {
      const text = string(name);
      if (text === undefined || values.includes(text as T)) return text as T | undefined;
      throw refuse(name, text, `one of ${values.join(', ')}`);
    },
    boolean(name) {
      const text = string(name);
      if (text === undefined) return undefined;
      if (text !== 'true' && text !== 'false') throw refuse(name, text, 'true or false');
      return text === 'true';
    },
    time(name) {
      const text = string(name);
      if (text === undefined) return undefined;
      const time = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
      if (!Number.isFinite(time)) throw refuse(name, text, 'epoch milliseconds or an ISO 8601 date');
      return time;
    },
    paging(maxLimit = 100) {
      return { limit: integer('limit', { min: 1, max: maxLimit }) ?? 20, offset: integer('offset', { min: 0 }) ?? 0 };
    },
  };
}
