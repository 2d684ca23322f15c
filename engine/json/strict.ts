/**
 * @module JSON that must read back the same after a restart (events, their data): strict UTF-8, a nesting
 * limit, numbers a double cannot hold refused, and every repeated member listed, which `JSON.parse` hides.
 */
import { DEFAULT_JSON_DEPTH } from '../core/json-depth.js';
import { readJson } from './read.js';

/**
 * Parsed JSON plus the pointer of every member that repeats an earlier name of the same object; or why the
 * text is not JSON (`syntax`), nests too deeply (`depth`) or holds a number too large for a double (`range`),
 * with the pointer where.
 */
export type JsonParse =
  | { ok: true; value: unknown; duplicates: string[] }
  | { ok: false; reason: string; problem: 'syntax' | 'depth' | 'range'; pointer?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 bytes strictly (a leading BOM is dropped); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Parses JSON text and lists the JSON pointers of repeated members (`/1/id` for a second `id` in the
 * second element of an array). Names are compared after unescaping, so `"id"` and `"\u0069d"` repeat.
 * Text nesting more than `maxDepth` objects and arrays is refused where it passes the limit.
 *
 * @example
 * parseJson('{"id": "a", "id": "b"}'); // { ok: true, value: { id: 'b' }, duplicates: ['/id'] }
 */
export function parseJson(text: string, maxDepth = DEFAULT_JSON_DEPTH): JsonParse {
  const read = readJson(text, { maxDepth });
  if (!read.ok) {
    const { error } = read;
    if (error.problem === 'depth') {
      return { ok: false, reason: `too deeply nested: ${error.reason}`, problem: 'depth', pointer: error.pointer };
    }
    const reason = `not valid JSON: line ${error.line}, column ${error.column}: ${error.reason}`;
    return { ok: false, reason, problem: 'syntax', pointer: error.pointer };
  }
  // A literal such as 1e999 reads as Infinity, which every writer turns into null: the event would change.
  const infinite = read.numbersOutOfRange.find((number) => number.tooLarge);
  if (infinite) {
    const reason = `not usable JSON: the number at ${infinite.pointer || '/'} is too large for a double`;
    return { ok: false, reason, problem: 'range', pointer: infinite.pointer };
  }
  return { ok: true, value: read.value, duplicates: read.repeatedKeys };
}

/** Parses UTF-8 JSON bytes; invalid UTF-8 is reported like invalid JSON. */
export function parseJsonBytes(bytes: Uint8Array, maxDepth = DEFAULT_JSON_DEPTH): JsonParse {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, reason: 'not valid UTF-8', problem: 'syntax' };
  return parseJson(text, maxDepth);
}

/** Whether any duplicate pointer lies at or under `pointer`. */
export function duplicateUnder(duplicates: string[], pointer: string): string | undefined {
  return duplicates.find((duplicate) => duplicate === pointer || duplicate.startsWith(`${pointer}/`));
}
