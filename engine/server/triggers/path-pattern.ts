/**
 * @module HTTP trigger path patterns: `/orders/{id}`, `/files/*`, parsed once when a flow is published.
 */
import { FlowbusError } from '../../core/errors.js';
import { HTTP_PATH_PATTERN } from '../../steps/http/index.js';

/** One segment of a pattern: a literal to compare, or a `{name}` parameter. */
export type PatternSegment = { kind: 'literal'; value: string } | { kind: 'param'; name: string };

/** A parsed trigger path. */
export interface PathPattern {
  source: string;
  segments: PatternSegment[];
  /** The pattern ends with `*`: it also matches any rest of the path (including none). */
  wildcard: boolean;
  /** The same for patterns that match the same paths: parameter names left out (`/orders/{}/*`). */
  shape: string;
  paramNames: string[];
}

const VALID_PATH = new RegExp(HTTP_PATH_PATTERN);

/** Paths the server keeps for itself. */
export const RESERVED_PREFIX = '/api';

/**
 * Parses a trigger path; throws `VALIDATION` for a path the http trigger's schema would reject.
 *
 * @example
 * parsePathPattern('/orders/{id}/*').paramNames; // ['id']
 */
export function parsePathPattern(source: string): PathPattern {
  if (!VALID_PATH.test(source)) {
    throw new FlowbusError('VALIDATION', `"${source}" is not a valid trigger path`, { path: source });
  }
  const parts = source === '/' ? [] : source.slice(1).split('/');
  const wildcard = parts.at(-1) === '*';
  if (wildcard) parts.pop();
  const segments = parts.map((part): PatternSegment =>
    part.startsWith('{') ? { kind: 'param', name: part.slice(1, -1) } : { kind: 'literal', value: part },
  );
  const paramNames = segments.flatMap((segment) => (segment.kind === 'param' ? [segment.name] : []));
  if (new Set(paramNames).size !== paramNames.length) {
    throw new FlowbusError('VALIDATION', `"${source}" names a parameter twice`, { path: source });
  }
  const shapeParts = segments.map((segment) => (segment.kind === 'param' ? '{}' : segment.value));
  const shape = `/${[...shapeParts, ...(wildcard ? ['*'] : [])].join('/')}`;
  return { source, segments, wildcard, shape, paramNames };
}

/**
 * Whether a pattern names the paths the server keeps (`/api` and below). A `{param}` or `*` first segment is
 * fine: requests under `/api` never reach the triggers.
 */
export function isReservedPattern(pattern: PathPattern): boolean {
  const [first] = pattern.segments;
  return first?.kind === 'literal' && first.value === RESERVED_PREFIX.slice(1);
}
