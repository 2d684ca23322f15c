/**
 * @module A strict JSON reader for pattern text: syntax errors say line, column and pointer; a repeated
 * key keeps its last value; a number that does not fit a double is reported instead of silently changed.
 */
import { joinPointer } from '../../core/issues.js';
import type { PatternIssue } from './types.js';

/** What reading JSON text gives: the value, or the problems (one syntax error, or number range errors). */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; issues: PatternIssue[] };

class JsonSyntaxError extends Error {}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Reads JSON text.
 *
 * @example
 * readJsonText('{"a": [1, 2 3]}', 32);
 * // { ok: false, issues: [{ pointer: '/a/2', message: 'invalid JSON at line 1, column 13: ...' }] }
 */
export function readJsonText(text: string, maxDepth: number): JsonTextResult {
  const reader = new Reader(text, maxDepth);
  try {
    reader.skipWhitespace();
    const value = reader.readValue('', 1);
    reader.skipWhitespace();
    if (reader.position < text.length) reader.fail('', 'unexpected text after the pattern');
    return reader.rangeIssues.length > 0 ? { ok: false, issues: reader.rangeIssues } : { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, issues: [{ pointer: reader.failedAt, message: error.message }] };
  }
}

class Reader {
  position = 0;
  failedAt = '';
  readonly rangeIssues: PatternIssue[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  fail(pointer: string, expected: string): never {
    this.failedAt = pointer;
    const before = this.text.slice(0, this.position);
    const line = before.split('\n').length;
    const column = this.position - before.lastIndexOf('\n');
    const atEnd = this.position >= this.text.length;
    const found = atEnd ? 'the end of the text' : JSON.stringify(this.text[this.position]);
    throw new JsonSyntaxError(`invalid JSON at line ${line}, column ${column}: ${expected}, found ${found}`);
  }

  skipWhitespace(): void {
    while (WHITESPACE.has(this.text.charCodeAt(this.position))) this.position++;
  }

  readValue(pointer: string, depth: number): unknown {
    const char = this.text[this.position];
    if (char === '{' || char === '[') {
      if (depth > this.maxDepth) this.fail(pointer, `nesting deeper than ${this.maxDepth} levels is refused`);
      return char === '{' ? this.readObject(pointer, depth) : this.readArray(pointer, depth);
    }
    if (char === '"') return this.readString(pointer);
    if (char === '-' || (char >= '0' && char <= '9')) return this.readNumber(pointer);
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return value;
      }
    }
    return this.fail(pointer, 'expected a value');
  }

  private readObject(pointer: string, depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return object;
    }
    for (;;) {
      if (this.text[this.position] !== '"') this.fail(pointer, 'expected a key in double quotes');
      const key = this.readString(pointer);
      this.skipWhitespace();
      const at = joinPointer(pointer, key);
      if (this.text[this.position] !== ':') this.fail(at, "expected ':' after the key");
      this.position++;
      this.skipWhitespace();
      const value = this.readValue(at, depth + 1);
      // defineProperty: a "__proto__" key is data in a pattern, never the prototype
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.position++];
      if (next === '}') return object;
      if (next !== ',') this.failAfter(pointer, "expected ',' or '}' after a member");
      this.skipWhitespace();
    }
  }

  private readArray(pointer: string, depth: number): unknown[] {
    const array: unknown[] = [];
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return array;
    }
    for (;;) {
      array.push(this.readValue(joinPointer(pointer, array.length), depth + 1));
      this.skipWhitespace();
      const next = this.text[this.position++];
      if (next === ']') return array;
      if (next !== ',') {
        this.failAfter(joinPointer(pointer, array.length), "expected ',' or ']' after an element");
      }
      this.skipWhitespace();
    }
  }

  private failAfter(pointer: string, expected: string): never {
    this.position--;
    return this.fail(pointer, expected);
  }

  private readString(pointer: string): string {
    let result = '';
    let start = ++this.position;
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (Number.isNaN(code)) this.fail(pointer, 'unterminated string');
      if (code === 0x22) break;
      if (code < 0x20) this.fail(pointer, 'control characters must be escaped in strings');
      if (code !== 0x5c) {
        this.position++;
        continue;
      }
      result += this.text.slice(start, this.position);
      result += this.readEscape(pointer);
      start = this.position;
    }
    result += this.text.slice(start, this.position);
    this.position++;
    return result;
  }

  private readEscape(pointer: string): string {
    const letter = this.text[this.position + 1];
    if (letter === 'u') {
      const hex = this.text.slice(this.position + 2, this.position + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.position++;
        this.fail(pointer, 'expected four hex digits after \\u');
      }
      this.position += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    const escaped = letter === undefined ? undefined : ESCAPES[letter];
    if (escaped === undefined) {
      this.position++;
      this.fail(pointer, 'invalid escape; JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX');
    }
    this.position += 2;
    return escaped;
  }

  private readNumber(pointer: string): number {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail(pointer, 'expected a number');
    const lexeme = match[0];
    this.position += lexeme.length;
    const value = Number(lexeme);
    if (!Number.isFinite(value)) {
      this.rangeIssues.push({ pointer, message: `number ${lexeme} is too large for a double` });
    } else if (value === 0 && /[1-9]/.test(lexeme.replace(/[eE].*$/, ''))) {
      const message = `number ${lexeme} is too small for a double (it would become 0)`;
      this.rangeIssues.push({ pointer, message });
    }
    return value;
  }
}
