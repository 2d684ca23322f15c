/**
 * @module Parsed JSONata texts, kept by source: validating a flow and compiling it parse each expression
 * once, and saving a large flow again re-parses only the expressions that changed.
 */
import jsonata from 'jsonata';
import { installBindings } from './bindings.js';
import { installBounds } from './bounds.js';
import { installBuilders } from './builders.js';
import { LinearRegExp } from '../regex/index.js';

/** Every regex runs on RE2, so no pattern can take more than linear time in its input. */
const OPTIONS: jsonata.JsonataOptions = { RegexEngine: LinearRegExp as unknown as RegExpConstructor };

/** Most parsed texts kept; the least recently used go first. */
const CAPACITY = 5000;

type Parsed = { expression: jsonata.Expression } | { thrown: unknown };

const cache = new Map<string, Parsed>();

/**
 * The parsed expression of `source` with flowbus's hooks and functions installed, or what the parser threw.
 * An expression object holds no state of an evaluation (that lives in the bindings of each call), so one
 * object serves every flow that uses the same text.
 */
export function parseCached(source: string): Parsed {
  const known = cache.get(source);
  if (known) {
    cache.delete(source);
    cache.set(source, known);
    return known;
  }
  let parsed: Parsed;
  try {
    const expression = jsonata(source, OPTIONS);
    installBounds(expression);
    installBindings(expression);
    installBuilders(expression);
    parsed = { expression };
  } catch (thrown) {
    parsed = { thrown };
  }
  cache.set(source, parsed);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return parsed;
}
