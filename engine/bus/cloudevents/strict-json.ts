/**
 * @module JSON parsing that also reports repeated object members, which `JSON.parse` silently hides.
 */
import { joinPointer } from '../../core/issues.js';
import { DEFAULT_JSON_DEPTH, depthExcessMessage, findTextDepthExcess } from '../../core/json-depth.js';

/**
 * Parsed JSON plus the pointer of every member that repeats an earlier name of the same object; or why the
 * text is not JSON (`syntax`) or nests too deeply (`depth`, with the pointer where it passed the limit).
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
 * Text nesting more than `maxDepth` objects and arrays is refused before it is parsed.
 *
 * @example
 * parseJson('{"id": "a", "id": "b"}'); // { ok: true, value: { id: 'b' }, duplicates: ['/id'] }
 */
export function parseJson(text: string, maxDepth = DEFAULT_JSON_DEPTH): JsonParse {
  const tooDeep = findTextDepthExcess(text, maxDepth);
  if (tooDeep) {
    const reason = `too deeply nested: ${depthExcessMessage(tooDeep)}`;
    return { ok: false, reason, problem: 'depth', pointer: tooDeep.pointer };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}`, problem: 'syntax' };
  }
  const infinite = findInfiniteNumber(value);
  if (infinite !== undefined) {
    const reason = `not usable JSON: the number at ${infinite || '/'} is too large for a double`;
    return { ok: false, reason, problem: 'range', pointer: infinite };
  }
  return { ok: true, value, duplicates: findDuplicateMembers(text) };
}

/** Parses UTF-8 JSON bytes; invalid UTF-8 is reported like invalid JSON. */
export function parseJsonBytes(bytes: Uint8Array, maxDepth = DEFAULT_JSON_DEPTH): JsonParse {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, reason: 'not valid UTF-8', problem: 'syntax' };
  return parseJson(text, maxDepth);
}

/**
 * The pointer of a number that JSON.parse turned into Infinity (a literal such as `1e999`), which every
 * writer would turn into `null`: an event holding one would not be the same event after a restart.
 */
function findInfiniteNumber(root: unknown): string | undefined {
  type Place = { value: unknown; key?: string; parent?: Place };
  const pending: Place[] = [{ value: root }];
  while (pending.length > 0) {
    const place = pending.pop()!;
    if (typeof place.value === 'number' && !Number.isFinite(place.value)) return pointerOf(place);
    if (typeof place.value !== 'object' || place.value === null) continue;
    for (const [key, value] of Object.entries(place.value)) {
      if (typeof value === 'object' || typeof value === 'number') pending.push({ value, key, parent: place });
    }
  }
  return undefined;
}

function pointerOf(place: { key?: string; parent?: typeof place }): string {
  const keys: string[] = [];
  for (let at: typeof place | undefined = place; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return joinPointer('', ...keys.reverse());
}

/** Whether any duplicate pointer lies at or under `pointer`. */
export function duplicateUnder(duplicates: string[], pointer: string): string | undefined {
  return duplicates.find((duplicate) => duplicate === pointer || duplicate.startsWith(`${pointer}/`));
}

type Frame =
  | { kind: 'object'; names: Set<string>; name?: string; expectName: boolean }
  | { kind: 'array'; index: number };

/** Walks text already known to be valid JSON, tracking member names per object. */
function findDuplicateMembers(text: string): string[] {
  const duplicates: string[] = [];
  const stack: Frame[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    const top = stack[stack.length - 1];
    if (char === '{') stack.push({ kind: 'object', names: new Set(), expectName: true });
    else if (char === '[') stack.push({ kind: 'array', index: 0 });
    else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top) {
      if (top.kind === 'object') top.expectName = true;
      else top.index += 1;
    } else if (char === ':' && top?.kind === 'object') top.expectName = false;
    else if (char === '"') {
      const end = endOfString(text, at);
      if (top?.kind === 'object' && top.expectName) {
        const name = JSON.parse(text.slice(at, end + 1)) as string;
        if (top.names.has(name)) duplicates.push(joinPointer(pathOf(stack.slice(0, -1)), name));
        top.names.add(name);
        top.name = name;
      }
      at = end;
    }
  }
  return duplicates;
}

function endOfString(text: string, start: number): number {
  let at = start + 1;
  while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at;
}

function pathOf(frames: Frame[]): string {
  const segments = frames.map((frame) => (frame.kind === 'object' ? (frame.name ?? '') : frame.index));
  return joinPointer('', ...segments);
}
