/**
 * @module The project's one JSON reader: the value, or the first syntax error with its line, column and JSON
 * pointer; every repeated key and every number a double cannot hold, by pointer; an optional nesting limit.
 */
import { joinPointer } from '../core/issues.js';
import { depthExcessMessage } from '../core/json-depth.js';

export interface JsonReadOptions {
  /** The most objects and arrays nested in one another; deeper text stops the reading. Default: no limit. */
  maxDepth?: number;
}

/** Where and why a text is not JSON (`syntax`), or nests deeper than allowed (`depth`). */
export interface JsonTextError {
  problem: 'syntax' | 'depth';
  /** Offset in the text (UTF-16 code units). */
  offset: number;
  /** 1-based line and column, as editors count them. */
  line: number;
  column: number;
  /** JSON pointer of the value being read there (of its object, between members; of the next item in a list). */
  pointer: string;
  /** What is wrong, without the position: `expected "," or "}" after a property value`. */
  reason: string;
}

/** A number literal that a double cannot hold: it would read as `Infinity` (too large) or `0` (too small). */
export interface NumberOutOfRange {
  pointer: string;
  literal: string;
  tooLarge: boolean;
}

/** What reading gives: the value with what JSON.parse would hide, or the first error. */
export type JsonReading =
  | { ok: true; value: unknown; repeatedKeys: string[]; numbersOutOfRange: NumberOutOfRange[] }
  | { ok: false; error: JsonTextError };

/**
 * Reads `text` as JSON (RFC 8259, what `JSON.parse` accepts, giving the same value — but 0 for `-0`, as every
 * writer writes it: the last of repeated keys wins, a `"__proto__"` key is data). Nesting is followed with a
 * stack of its own, so no depth of input can overflow the call stack.
 *
 * @example
 * readJson('{"a": 1, "a": [1 2]}');
 * // { ok: false, error: { problem: 'syntax', line: 1, column: 18, pointer: '/a/1',
 * //   reason: 'expected "," or "]" after a list item', ... } }
 */
export function readJson(text: string, options: JsonReadOptions = {}): JsonReading {
  const reader = new JsonReader(text, options.maxDepth ?? Number.POSITIVE_INFINITY);
  try {
    const value = reader.readDocument();
    return { ok: true, value, repeatedKeys: reader.repeatedKeys, numbersOutOfRange: reader.numbersOutOfRange };
  } catch (error) {
    if (!(error instanceof ReadFailure)) throw error;
    const { offset, problem, pointer, reason } = error;
    return { ok: false, error: { problem, offset, ...lineAndColumn(text, offset), pointer, reason } };
  }
}

/** The error as one line: `invalid JSON at line 3, column 1: a trailing comma is not allowed: ...`. */
export function describeJsonError(error: JsonTextError): string {
  if (error.problem === 'depth') return error.reason;
  return `invalid JSON at line ${error.line}, column ${error.column}: ${error.reason}`;
}

/** 1-based line and column of an offset; `\r\n`, `\n` and `\r` each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === LINE_FEED || (char === CARRIAGE_RETURN && text.charCodeAt(index + 1) !== LINE_FEED)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class ReadFailure {
  constructor(
    readonly offset: number,
    readonly problem: 'syntax' | 'depth',
    readonly pointer: string,
    readonly reason: string,
  ) {}
}

/** An object or array being read; `key` is the member being read in an object. */
type Frame = { object: Record<string, unknown>; key: string } | { array: unknown[] };

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NUMBER_CONTINUES = /[0-9.eE+-]/;
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
const INVALID_ESCAPE = 'invalid escape in a string: expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX';
const WORDS = [['true', true], ['false', false], ['null', null]] as const;
/** What the reader's `readValueOrOpen` answers for an object or array it opened and will fill. */
const OPENED = Symbol('opened');

class JsonReader {
  private position = 0;
  private readonly stack: Frame[] = [];
  readonly repeatedKeys: string[] = [];
  readonly numbersOutOfRange: NumberOutOfRange[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  readDocument(): unknown {
    this.skipWhitespace();
    for (;;) {
      let value = this.readValueOrOpen();
      if (value === OPENED) continue;
      // A value is complete: store it in its container, then close every container that ends here.
      for (;;) {
        const top = this.stack.at(-1);
        if (!top) {
          this.skipWhitespace();
          if (this.position < this.text.length) this.fail('unexpected text after the end of the JSON value');
          return value;
        }
        this.store(top, value);
        this.skipWhitespace();
        const close = 'array' in top ? ']' : '}';
        const char = this.text[this.position];
        if (char === ',') {
          this.position += 1;
          this.skipWhitespace();
          if (this.text[this.position] === close) {
            this.fail(`a trailing comma is not allowed: remove the "," before "${close}"`, -1);
          }
          if ('object' in top) this.readKey(top);
          break;
        }
        if (char !== close) {
          // In a list the text met is where the next item would be; in an object, between members.
          if ('array' in top) this.fail('expected "," or "]" after a list item');
          this.fail('expected "," or "}" after a property value', -1);
        }
        this.position += 1;
        this.stack.pop();
        value = 'array' in top ? top.array : top.object;
      }
    }
  }

  /** Reads a scalar, or opens an object or array (returning OPENED unless it is empty, `{}` or `[]`). */
  private readValueOrOpen(): unknown {
    const char = this.text[this.position];
    if (char === '{' || char === '[') {
      if (this.stack.length >= this.maxDepth) {
        const excess = { pointer: this.pointer(), limit: this.maxDepth };
        throw new ReadFailure(this.position, 'depth', excess.pointer, depthExcessMessage(excess));
      }
      this.position += 1;
      this.skipWhitespace();
      const close = char === '{' ? '}' : ']';
      if (this.text[this.position] === close) {
        this.position += 1;
        return char === '{' ? {} : [];
      }
      if (char === '[') this.stack.push({ array: [] });
      else {
        const frame: Frame & { object: Record<string, unknown> } = { object: {}, key: '' };
        this.stack.push(frame);
        this.readKey(frame);
      }
      return OPENED;
    }
    if (char === '"') return this.readString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.readNumber();
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return value;
      }
    }
    return this.fail('expected a value: a "string", a number, true, false, null, an object or a list');
  }

  private readKey(frame: { object: Record<string, unknown>; key: string }): void {
    if (this.text[this.position] !== '"') this.fail('expected a property name in double quotes', -1);
    frame.key = this.readString(-1);
    this.skipWhitespace();
    if (this.text[this.position] !== ':') this.fail('expected ":" after the property name');
    this.position += 1;
    this.skipWhitespace();
  }

  private store(frame: Frame, value: unknown): void {
    if ('array' in frame) {
      frame.array.push(value);
      return;
    }
    const { object, key } = frame;
    if (Object.hasOwn(object, key)) this.repeatedKeys.push(this.pointer());
    // defineProperty: a "__proto__" key is data, as JSON.parse makes it, never the prototype
    if (key === '__proto__') {
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    } else object[key] = value;
  }

  /** Reads a string; `level` -1 for a key (an error in it is placed at its object). */
  private readString(level: 0 | -1 = 0): string {
    const start = this.position;
    let result = '';
    let chunkStart = start + 1;
    for (let at = chunkStart; ; at++) {
      const code = this.text.charCodeAt(at);
      if (code === QUOTE) {
        this.position = at + 1;
        return result + this.text.slice(chunkStart, at);
      }
      if (Number.isNaN(code)) this.failAt(start, 'unterminated string: expected a closing double quote', level);
      if (code < 0x20) {
        this.failAt(at, 'control character in a string: write it as an escape such as \\n or \\t', level);
      }
      if (code === BACKSLASH) {
        result += this.text.slice(chunkStart, at) + this.readEscape(at, level);
        at += this.text[at + 1] === 'u' ? 5 : 1;
        chunkStart = at + 1;
      }
    }
  }

  private readEscape(at: number, level: 0 | -1): string {
    const letter = this.text[at + 1];
    if (letter === 'u') {
      const hex = this.text.slice(at + 2, at + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return String.fromCharCode(Number.parseInt(hex, 16));
    } else if (letter !== undefined && Object.hasOwn(ESCAPES, letter)) return ESCAPES[letter]!;
    return this.failAt(at, INVALID_ESCAPE, level);
  }

  private readNumber(): number {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail('invalid number');
    const literal = match[0];
    this.position += literal.length;
    if (NUMBER_CONTINUES.test(this.text[this.position] ?? '')) this.fail('invalid number');
    const value = Number(literal);
    const tooLarge = !Number.isFinite(value);
    if (value === 0) {
      if (/[1-9]/.test(literal.replace(/[eE].*$/, ''))) {
        this.numbersOutOfRange.push({ pointer: this.pointer(), literal, tooLarge: false });
      }
      // -0 reads as 0: every JSON writer writes it as 0, so a value kept as -0 would change once written
      return 0;
    }
    if (tooLarge) this.numbersOutOfRange.push({ pointer: this.pointer(), literal, tooLarge });
    return value;
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (code !== 0x20 && code !== 0x09 && code !== LINE_FEED && code !== CARRIAGE_RETURN) return;
      this.position += 1;
    }
  }

  /** The pointer of the value being read (in a list, the next item); with `-1`, of its container. */
  private pointer(levels: 0 | -1 = 0): string {
    const frames = levels === -1 ? this.stack.slice(0, -1) : this.stack;
    return joinPointer('', ...frames.map((frame) => ('array' in frame ? frame.array.length : frame.key)));
  }

  /** Stops with a syntax error here; the pointer (worked out only now) is of the value, or with -1 its container. */
  private fail(reason: string, level: 0 | -1 = 0): never {
    return this.failAt(this.position, reason, level);
  }

  private failAt(offset: number, reason: string, level: 0 | -1 = 0): never {
    const atEnd = offset >= this.text.length && !reason.startsWith('unterminated');
    const pointer = this.pointer(level);
    throw new ReadFailure(offset, 'syntax', pointer, atEnd ? `unexpected end of the text: ${reason}` : reason);
  }
}
