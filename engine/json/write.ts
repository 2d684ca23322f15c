/**
 * @module A deterministic JSON writer: 2-space indent, `\n` line ends, trailing newline, chosen key order.
 */
import { FlowbusError } from '../core/errors.js';
import { MAX_JSON_DEPTH } from '../core/json-depth.js';

/**
 * Chooses the order of an object's keys. `path` is the keys from the root to the object (array indexes as
 * strings); the answer may leave keys out (they follow in their original order) or name absent ones
 * (ignored).
 */
export type KeyOrder = (path: readonly string[], keys: readonly string[]) => readonly string[];

/**
 * Writes `value` as JSON text the same way every time: 2-space indent, `\n` line ends, a trailing newline,
 * non-ASCII characters as they are, `[]` and `{}` for empty containers. Values JSON cannot hold are treated
 * as `JSON.stringify` treats them (`undefined` members left out, `NaN` written as `null`, `toJSON` honoured).
 *
 * @example
 * stringifyJson({ b: 1, a: [] }, (_path, keys) => [...keys].sort()); // '{\n  "a": [],\n  "b": 1\n}\n'
 */
export function stringifyJson(value: unknown, orderKeys?: KeyOrder): string {
  const writer = new JsonWriter(orderKeys);
  return `${writer.write(value, [], '') ?? 'null'}\n`;
}

/**
 * The usual key order of a canonical object: the `preferred` keys first (in that order), then the others
 * alphabetically (by UTF-16 code unit, so the result does not depend on the locale).
 */
export function preferredThenAlphabetical(keys: readonly string[], preferred: readonly string[]): string[] {
  const present = new Set(keys);
  const first = preferred.filter((key) => present.has(key));
  const chosen = new Set(first);
  return [...first, ...keys.filter((key) => !chosen.has(key)).sort(compareCodeUnits)];
}

/** Orders strings by UTF-16 code unit, like `Array.prototype.sort` without a comparator. */
export function compareCodeUnits(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

class JsonWriter {
  private readonly ancestors = new Set<object>();

  constructor(private readonly orderKeys: KeyOrder | undefined) {}

  /** The JSON text of `value`, or undefined for what JSON leaves out (undefined, functions, symbols). */
  write(value: unknown, path: string[], indent: string): string | undefined {
    const prepared = withToJson(value, path);
    if (prepared === null) return 'null';
    switch (typeof prepared) {
      case 'string':
        return JSON.stringify(prepared);
      case 'number':
        return Number.isFinite(prepared) ? JSON.stringify(prepared) : 'null';
      case 'boolean':
        return prepared ? 'true' : 'false';
      case 'bigint':
        throw new TypeError(`cannot write a BigInt as JSON (at /${path.join('/')})`);
      case 'object':
        return this.writeContainer(prepared, path, indent);
      default:
        return undefined;
    }
  }

  private writeContainer(value: object, path: string[], indent: string): string {
    if (path.length >= MAX_JSON_DEPTH) {
      // Readers refuse such input first; this keeps anything else from overflowing the stack here.
      const message = `cannot write JSON nested deeper than ${MAX_JSON_DEPTH} levels (at /${path.join('/')})`;
      throw new FlowbusError('JSON:TOO_DEEP', message, { limit: MAX_JSON_DEPTH });
    }
    if (this.ancestors.has(value)) {
      throw new TypeError(`cannot write a circular structure as JSON (at /${path.join('/')})`);
    }
    this.ancestors.add(value);
    try {
      if (Array.isArray(value)) return this.writeArray(value, path, indent);
      return this.writeObject(value, path, indent);
    } finally {
      this.ancestors.delete(value);
    }
  }

  private writeArray(items: unknown[], path: string[], indent: string): string {
    if (items.length === 0) return '[]';
    const inner = `${indent}  `;
    const lines = items.map((item, index) => {
      return inner + (this.write(item, [...path, String(index)], inner) ?? 'null');
    });
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }

  private writeObject(record: object, path: string[], indent: string): string {
    const inner = `${indent}  `;
    const lines: string[] = [];
    for (const key of this.keysInOrder(record, path)) {
      const text = this.write((record as Record<string, unknown>)[key], [...path, key], inner);
      if (text !== undefined) lines.push(`${inner}${JSON.stringify(key)}: ${text}`);
    }
    if (lines.length === 0) return '{}';
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }

  private keysInOrder(record: object, path: string[]): string[] {
    const keys = Object.keys(record);
    if (!this.orderKeys) return keys;
    const present = new Set(keys);
    const ordered = new Set(this.orderKeys(path, keys).filter((key) => present.has(key)));
    return [...ordered, ...keys.filter((key) => !ordered.has(key))];
  }
}

function withToJson(value: unknown, path: string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const toJson = (value as { toJSON?: unknown }).toJSON;
  return typeof toJson === 'function' ? toJson.call(value, path.at(-1) ?? '') : value;
}
