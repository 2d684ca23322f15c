/**
 * @module Reading query parameters of the bus API: strings, paging, and times as epoch milliseconds or as
 * ISO 8601 text.
 */
import type { Request } from 'express';
import { badRequest } from './errors.js';

/** A single string parameter, or undefined when absent or empty. */
export function queryString(request: Request, name: string): string | undefined {
  const value = request.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`query parameter "${name}" must be given once`);
  return value;
}

/** `limit` (1..100, default 20) and `offset` (default 0). */
export function paging(request: Request): { limit: number; offset: number } {
  const limit = integer(request, 'limit', 20);
  const offset = integer(request, 'offset', 0);
  if (limit < 1 || limit > 100) throw badRequest('"limit" must be between 1 and 100');
  if (offset < 0) throw badRequest('"offset" must not be negative');
  return { limit, offset };
}

/** A time given as milliseconds since the epoch or as an ISO 8601 date-time. */
export function queryTime(request: Request, name: string): number | undefined {
  const text = queryString(request, name);
  if (text === undefined) return undefined;
  const time = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(time)) {
    throw badRequest(`"${name}" must be milliseconds since the epoch or an ISO 8601 time`);
  }
  return time;
}

function integer(request: Request, name: string, fallback: number): number {
  const text = queryString(request, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw badRequest(`"${name}" must be a whole number`);
  return Number(text);
}
