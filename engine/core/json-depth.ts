/**
 * @module Nesting depth of JSON: a one-pass scan of JSON text or bytes, and an iterative walk of values, so
 * that no recursive code (writers, validators, redaction, summaries) ever meets a value nested too deeply.
 */
import { joinPointer } from './issues.js';

/**
 * 128 nested objects and arrays, the default of serde_json (.NET's System.Text.Json allows 64). Real events
 * and flows nest a few dozen levels at most; every recursive walker of the engine is safe far beyond it.
 */
export const DEFAULT_JSON_DEPTH = 128;

/**
 * The most `limits.jsonDepth` may be set to, and the bound of values made inside the engine (expression
 * results, parsed HTTP responses): the recursive writers of the engine and of V8 overflow the stack somewhere
 * past 1,500 levels, and request handling needs room of its own.
 */
export const MAX_JSON_DEPTH = 512;

/** Where a document first nests deeper than the limit. */
export interface DepthExcess {
  /** JSON pointer of the container that passed the limit. */
  pointer: string;
  limit: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * The first place where JSON text (or UTF-8 bytes of it) nests more than `limit` objects and arrays, counted
 * outside strings; undefined within the limit. Cheap enough to run before `JSON.parse`: the usual pass only
 * counts brackets, the pointer is worked out only when the limit is passed. Text that is not JSON is scanned
 * all the same (the parser reports it afterwards).
 *
 * @example
 * findTextDepthExcess('{"a": [[1]]}', 2); // { pointer: '/a/0', limit: 2 }
 */
export function findTextDepthExcess(input: string | Uint8Array, limit: number): DepthExcess | undefined {
  if (typeof input === 'string') {
    const at = offsetPastLimit(input, limit);
    return at === -1 ? undefined : { pointer: pointerAt(input, at), limit };
  }
  // Bytes are scanned as Latin-1, one character per byte: the brackets, quotes and backslashes that matter are
  // ASCII, and no byte of a multi-byte UTF-8 character is ASCII.
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const at = offsetPastLimit(bytes.toString('latin1'), limit);
  if (at === -1) return undefined;
  const offset = bytes.subarray(0, at).toString('utf8').length;
  return { pointer: pointerAt(bytes.toString('utf8'), offset), limit };
}

/** The offset of the first opening bracket past the limit, or -1. */
function offsetPastLimit(text: string, limit: number): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) at = endOfString(text, at);
    else if (OPENERS.has(code)) {
      depth += 1;
      if (depth > limit) return at;
    } else if (CLOSERS.has(code)) depth -= 1;
  }
  return -1;
}

function endOfString(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text.charCodeAt(at) !== QUOTE) at += text.charCodeAt(at) === BACKSLASH ? 2 : 1;
  return at;
}

type Frame = { object: true; key: string; expectKey: boolean } | { object: false; index: number };

/** The JSON pointer of the value that starts at `target`, following keys and indexes from the start. */
function pointerAt(text: string, target: number): string {
  const frames: Frame[] = [];
  for (let at = 0; at < target; at++) {
    const char = text[at];
    const top = frames.at(-1);
    if (char === '{') frames.push({ object: true, key: '', expectKey: true });
    else if (char === '[') frames.push({ object: false, index: 0 });
    else if (char === '}' || char === ']') frames.pop();
    else if (char === ',' && top) {
      if (top.object) top.expectKey = true;
      else top.index += 1;
    } else if (char === ':' && top?.object) top.expectKey = false;
    else if (char === '"') {
      const end = endOfString(text, at);
      if (top?.object && top.expectKey) top.key = decodeKey(text.slice(at, end + 1));
      at = end;
    }
  }
  return joinPointer('', ...frames.map((frame) => (frame.object ? frame.key : frame.index)));
}

function decodeKey(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/**
 * The first place where a value nests more than `limit` objects and arrays; undefined within the limit.
 * Iterative, so it is safe on any value; a cycle counts as infinitely deep.
 *
 * @example
 * findValueDepthExcess({ a: [[1]] }, 2); // { pointer: '/a/0', limit: 2 }
 */
export function findValueDepthExcess(value: unknown, limit: number): DepthExcess | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (limit <= MAX_RECURSIVE_DEPTH && nestsWithin(value, limit)) return undefined;
  return locateDepthExcess(value, limit);
}

/** Deepest limit checked by recursion first: far from the stack's end, and above {@link MAX_JSON_DEPTH}. */
const MAX_RECURSIVE_DEPTH = 1024;

/**
 * Whether `value` and what it holds nest at most `levels` objects and arrays: the usual case, checked without
 * allocating more than each object's keys. Recursive, but never deeper than `levels` calls (a cycle ends there).
 */
function nestsWithin(value: object, levels: number): boolean {
  if (levels <= 0) return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const child: unknown = value[index];
      if (typeof child === 'object' && child !== null && !nestsWithin(child, levels - 1)) return false;
    }
    return true;
  }
  const keys = Object.keys(value);
  for (let index = 0; index < keys.length; index++) {
    const child = (value as Record<string, unknown>)[keys[index]!];
    if (typeof child === 'object' && child !== null && !nestsWithin(child, levels - 1)) return false;
  }
  return true;
}

/** Where a value known to nest too deeply first passes the limit: an iterative walk that keeps the path. */
function locateDepthExcess(value: object, limit: number): DepthExcess | undefined {
  type Pending = { value: object; depth: number; key?: string | number; parent?: Pending };
  const stack: Pending[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const pending = stack.pop()!;
    if (pending.depth > limit) return { pointer: pointerOf(pending), limit };
    const entries = Array.isArray(pending.value) ? pending.value.entries() : Object.entries(pending.value);
    for (const [key, child] of entries) {
      if (typeof child !== 'object' || child === null) continue;
      stack.push({ value: child as object, depth: pending.depth + 1, key, parent: pending });
    }
  }
  return undefined;
}

function pointerOf(pending: { key?: string | number; parent?: typeof pending }): string {
  const segments: Array<string | number> = [];
  for (let at: typeof pending | undefined = pending; at?.key !== undefined; at = at.parent)
    segments.push(at.key);
  return joinPointer('', ...segments.reverse());
}

/** The message for an excess: `nesting deeper than 128 levels at /data/a/0 (limits.jsonDepth)`. */
export function depthExcessMessage(excess: DepthExcess): string {
  const where = excess.pointer === '' ? 'at the top' : `at ${excess.pointer}`;
  return `JSON nests deeper than ${excess.limit} levels ${where} (the limit is limits.jsonDepth)`;
}
