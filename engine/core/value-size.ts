/**
 * @module The JSON size of a value, measured cheaply: a walk that stops as soon as it passes a budget.
 */

/**
 * Sizes already measured, by object; shared by the measurements of one execution. Each entry also records how
 * deeply the object nests, so that a depth check after a measurement need not walk the value again
 * ({@link measuredDepth}); only this module reads the entries.
 */
export type SizeMemo = WeakMap<object, number>;

/** An entry is `size * DEPTH_SLOTS + depth`; a depth of {@link UNKNOWN_DEPTH} is not known exactly. */
const DEPTH_SLOTS = 1024;
/** Past the deepest depth recorded, or where the walk met what it does not enter (functions, instances). */
const UNKNOWN_DEPTH = DEPTH_SLOTS - 1;

/** The nesting of the value {@link sizeOf} measured last (0 for a primitive), for its caller to read at once. */
let lastDepth = 0;

/** What a number costs in the estimate: most numbers in messages are short, a double is at most 24. */
const NUMBER_BYTES = 8;

function isOpaque(value: object): boolean {
  // JSONata functions hold their whole environment; class instances (other than arrays) are not data.
  if (typeof value === 'function') return true;
  const marks = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  if (marks._jsonata_lambda === true || marks._jsonata_function === true) return true;
  if (Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}

/**
 * Smallest size worth remembering: a WeakMap entry costs more than walking a small object again, and a small
 * object walked again costs at most this much, so each measurement still visits a bounded amount of data.
 */
const MEMO_MIN_BYTES = 512;

function sizeOf(value: unknown, budget: number, memo: SizeMemo | undefined): number {
  lastDepth = 0;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return NUMBER_BYTES;
    case 'boolean':
      return 5;
    case 'object':
      break;
    default:
      return 0;
  }
  if (value === null) return 4;
  const known = memo?.get(value);
  if (known === undefined) return sizeOfObject(value, budget, memo);
  lastDepth = known % DEPTH_SLOTS;
  return (known - lastDepth) / DEPTH_SLOTS;
}

function sizeOfObject(value: object, budget: number, memo: SizeMemo | undefined): number {
  if (ArrayBuffer.isView(value)) {
    lastDepth = UNKNOWN_DEPTH;
    return value.byteLength;
  }
  if (isOpaque(value)) {
    lastDepth = UNKNOWN_DEPTH;
    return 2;
  }
  let total = 2;
  let deepest = 0;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      total += sizeOf(value[index], budget - total, memo) + 1;
      if (total > budget) return Infinity;
      if (lastDepth > deepest) deepest = lastDepth;
    }
  } else {
    for (const key of Object.keys(value)) {
      total += key.length + 4 + sizeOf((value as Record<string, unknown>)[key], budget - total, memo);
      if (total > budget) return Infinity;
      if (lastDepth > deepest) deepest = lastDepth;
    }
  }
  lastDepth = deepest >= UNKNOWN_DEPTH - 1 ? UNKNOWN_DEPTH : deepest + 1;
  if (total >= MEMO_MIN_BYTES) memo?.set(value, total * DEPTH_SLOTS + lastDepth);
  return total;
}

/**
 * About the length of `JSON.stringify(value)`, or `Infinity` as soon as it passes `budget`: the walk never
 * visits more than `budget` bytes' worth of data, so a huge or cyclic value costs no more than the budget.
 * A value that appears twice counts twice, as in JSON. With a memo, an object measured before in full (as the
 * value asked about, or inside one when of at least {@link MEMO_MIN_BYTES}) costs one lookup: objects must not
 * change once measured.
 *
 * @example
 * measureValue({ a: 'xy' }, 1000); // 10
 * measureValue('x'.repeat(5000), 1000); // Infinity
 */
export function measureValue(value: unknown, budget: number, memo?: SizeMemo): number {
  if (memo === undefined || typeof value !== 'object' || value === null) {
    const size = sizeOf(value, budget, memo);
    return size > budget ? Infinity : size;
  }
  const known = memo.get(value);
  let size: number;
  if (known === undefined) {
    size = sizeOfObject(value, budget, memo);
    // The value asked about is the one likely to be asked about again (a message's payload or vars, an
    // expression's result, a path's step): it is remembered whatever its size, the objects inside it only
    // when large (sizeOfObject remembers those).
    if (size < MEMO_MIN_BYTES) memo.set(value, size * DEPTH_SLOTS + lastDepth);
  } else size = Math.floor(known / DEPTH_SLOTS);
  return size > budget ? Infinity : size;
}

/**
 * How many levels of objects and arrays `value` nests (1 for an object of primitives), when a measurement with
 * `memo` walked it in full and could tell exactly; `undefined` otherwise (then walk it: json-depth.ts).
 *
 * @example
 * const memo: SizeMemo = new WeakMap();
 * const value = { a: [1], b: 'x' };
 * measureValue(value, 1000, memo);
 * measuredDepth(value, memo); // 2
 */
export function measuredDepth(value: object, memo: SizeMemo): number | undefined {
  const known = memo.get(value);
  if (known === undefined) return undefined;
  const depth = known % DEPTH_SLOTS;
  return depth === UNKNOWN_DEPTH ? undefined : depth;
}

/** The first `limit` characters of `JSON.stringify(value)`, without ever writing more than that. */
export function jsonPreview(value: unknown, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const write = (text: string): boolean => {
    parts.push(text.length > limit - length ? text.slice(0, limit - length) : text);
    length += Math.min(text.length, limit - length);
    return length < limit;
  };
  const walk = (item: unknown): boolean => {
    if (typeof item !== 'object' || item === null || isOpaque(item)) {
      if (typeof item === 'string' && item.length > limit) return write(JSON.stringify(item.slice(0, limit)));
      return write(JSON.stringify(item) ?? 'null');
    }
    const array = Array.isArray(item);
    if (!write(array ? '[' : '{')) return false;
    const keys = array ? undefined : Object.keys(item);
    const count = array ? (item as unknown[]).length : keys!.length;
    for (let index = 0; index < count; index++) {
      if (index > 0 && !write(',')) return false;
      if (keys && !write(`${JSON.stringify(keys[index])}:`)) return false;
      const child = keys ? (item as Record<string, unknown>)[keys[index]!] : (item as unknown[])[index];
      if (!walk(child)) return false;
    }
    return write(array ? ']' : '}');
  };
  walk(value);
  return parts.join('');
}
