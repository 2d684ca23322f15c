/**
 * @module Turns JSONata results into plain JSON-like data, and values into template text.
 */

/** JSONata marks the arrays it builds (`sequence`, `keepSingleton`, ...); functions are lambda objects. */
function isJsonataFunction(value: object): boolean {
  return typeof value === 'function' || (value as { _jsonata_lambda?: unknown })._jsonata_lambda === true;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Copies a result so that no JSONata sequence marks survive: a marked array stored in `vars` would
 * otherwise behave differently in a later expression than the same array read back from JSON.
 * Objects are copied only where something inside changed; functions and class instances are kept as is.
 */
export function toPlain(value: unknown, ancestors?: Ancestors): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const array = Array.isArray(value);
  if (!array && (!isPlainObject(value) || isJsonataFunction(value))) return value;
  // The objects being copied (a cycle back to one is kept as it is), made only once there is an object to copy.
  const within = ancestors ?? new Ancestors();
  if (within.has(value)) return value;
  within.push(value);
  let copy: unknown;
  if (array) copy = value.map(plainItem, within);
  else {
    const keys = Object.keys(value);
    let changed: Record<string, unknown> | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const item = (value as Record<string, unknown>)[key];
      if (typeof item !== 'object' || item === null) continue;
      const plain = toPlain(item, within);
      if (plain === item) continue;
      changed ??= { ...value };
      changed[key] = plain;
    }
    copy = changed ?? value;
  }
  within.pop();
  return copy;
}

function plainItem(this: Ancestors, item: unknown): unknown {
  return toPlain(item, this);
}

/**
 * The objects on the path from the value given to the one being copied: an array while the path is short
 * (results rarely nest more than a few levels, and a search of a few items beats hashing), a set beside it
 * once it is long.
 */
class Ancestors {
  private readonly path: object[] = [];
  private set: Set<object> | undefined;

  has(value: object): boolean {
    return this.set ? this.set.has(value) : this.path.includes(value);
  }

  push(value: object): void {
    this.path.push(value);
    if (this.set) this.set.add(value);
    else if (this.path.length > 32) this.set = new Set(this.path);
  }

  pop(): void {
    const value = this.path.pop()!;
    this.set?.delete(value);
  }
}

/** Numbers as JSONata's `$string` writes them: 15 significant digits, so `0.1 + 0.2` reads `0.3`. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(15));
  if (typeof value === 'object' && value !== null && isJsonataFunction(value)) return '';
  return typeof value === 'function' ? '' : value;
}

/**
 * The text a template hole inserts: strings as they are, numbers and booleans as text, objects and
 * arrays as JSON, null, undefined and functions as nothing.
 */
export function formatHoleValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || isJsonataFunction(value as object)) return '';
  try {
    return JSON.stringify(value, jsonReplacer) ?? '';
  } catch {
    return String(value);
  }
}

/** A deep copy of arrays and plain objects, so that a caller cannot change a compiled literal. */
export function cloneLiteral(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneLiteral);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = cloneLiteral(item);
  return copy;
}
