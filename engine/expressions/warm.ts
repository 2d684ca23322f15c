/**
 * @module Parses every expression of a document ahead of validating and compiling it, a slice at a time,
 * so that a large flow is parsed without holding the event loop (the parses land in the parse cache).
 */
import { objectsIn } from '../json/walk.js';
import { parseCached } from './parse-cache.js';
import { scanTemplate } from './template-scan.js';

/** How long one slice of parsing may hold the event loop. */
const SLICE_MS = 15;

/** The JSONata texts inside `value`: each `$expr`, and each hole of each `$template`. */
function* expressionTexts(value: unknown): Generator<string> {
  for (const record of objectsIn(value, objectValues)) {
    if (typeof record.$expr === 'string') yield record.$expr;
    if (typeof record.$template === 'string') {
      for (const part of scanTemplate(record.$template).parts) if (part.kind !== 'text') yield part.source;
    }
  }
}

/** The values below an object that can hold expressions: objects and arrays, not strings or numbers. */
function objectValues(record: Record<string, unknown>): unknown[] {
  return Object.values(record).filter((child) => typeof child === 'object');
}

/** A turn of the event loop for everything else waiting. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Parses every expression in `value` into the parse cache, handing the event loop back every few
 * milliseconds. Problems are not reported here: validation finds them (in the cache) right after.
 *
 * @example
 * await warmExpressions(document); // then validateFlow(document, ...) parses nothing again
 */
export async function warmExpressions(value: unknown): Promise<void> {
  let sliceStart = performance.now();
  for (const text of expressionTexts(value)) {
    parseCached(text);
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await nextTurn();
    sliceStart = performance.now();
  }
}
