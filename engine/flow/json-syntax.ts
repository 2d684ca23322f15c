/**
 * @module Finds the first JSON syntax error of a text: where (line, column) and what was expected there.
 */

/** Where a text stops being JSON, and what was expected there. */
export interface JsonSyntaxError {
  /** Offset in the text (UTF-16 code units). */
  offset: number;
  /** 1-based line and column, as editors count them. */
  line: number;
  column: number;
  /** What is wrong, without the position: `expected "," or "}" after a property value`. */
  reason: string;
}

/**
 * Scans `text` as JSON (RFC 8259, what `JSON.parse` accepts) and returns its first syntax error, or undefined
 * when it is valid. `JSON.parse`'s own messages do not always carry a position, hence this scanner; it runs
 * only after a parse has failed.
 *
 * @example
 * findJsonSyntaxError('{\n  "a": 1,\n}');
 * // { line: 3, column: 1, offset: 12, reason: 'a trailing comma is not allowed: ...' }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const failure = new JsonScanner(text).scan();
  if (!failure) return undefined;
  return { ...lineAndColumn(text, failure.offset), offset: failure.offset, reason: failure.reason };
}

/** 1-based line and column of an offset; `\r\n`, `\n` and `\r` each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Failure {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class JsonScanner {
  private position = 0;

  constructor(private readonly text: string) {}

  scan(): Failure | undefined {
    try {
      this.scanDocument();
      return undefined;
    } catch (error) {
      if (error instanceof Failure) return error;
      throw error;
    }
  }

  private scanDocument(): void {
    // An explicit stack, so that deeply nested input cannot overflow the call stack.
    const open: Array<'object' | 'array'> = [];
    this.skipWhitespace();
    let expectingValue = true;
    for (;;) {
      if (expectingValue) {
        const opened = this.scanValue();
        if (opened) {
          this.skipWhitespace();
          const close = opened === 'object' ? '}' : ']';
          if (this.peek() === close) this.position += 1;
          else {
            open.push(opened);
            if (opened === 'object') this.scanKey();
            continue;
          }
        }
      }
      this.skipWhitespace();
      const container = open.at(-1);
      if (!container) {
        if (this.position < this.text.length) this.fail('unexpected text after the end of the JSON value');
        return;
      }
      const close = container === 'object' ? '}' : ']';
      const char = this.peek();
      if (char === ',') {
        this.position += 1;
        this.skipWhitespace();
        if (this.peek() === close) {
          this.fail(`a trailing comma is not allowed: remove the "," before "${close}"`);
        }
        if (container === 'object') this.scanKey();
        expectingValue = true;
      } else if (char === close) {
        this.position += 1;
        open.pop();
        expectingValue = false;
      } else {
        const after = container === 'object' ? 'a property value' : 'a list item';
        this.fail(`expected "," or "${close}" after ${after}`);
      }
    }
  }

  /** Scans a scalar, or the opening bracket of a container (whose kind it returns). */
  private scanValue(): 'object' | 'array' | undefined {
    const char = this.peek();
    if (char === '{' || char === '[') {
      this.position += 1;
      this.skipWhitespace();
      return char === '{' ? 'object' : 'array';
    }
    if (char === '"') this.scanString();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.scanNumber();
    else if (!this.scanWord('true') && !this.scanWord('false') && !this.scanWord('null')) {
      this.fail('expected a value: a "string", a number, true, false, null, an object or a list');
    }
    return undefined;
  }

  private scanKey(): void {
    if (this.peek() !== '"') this.fail('expected a property name in double quotes');
    this.scanString();
    this.skipWhitespace();
    if (this.peek() !== ':') this.fail('expected ":" after the property name');
    this.position += 1;
    this.skipWhitespace();
  }

  private scanString(): void {
    const start = this.position;
    this.position += 1;
    for (;;) {
      const char = this.peek();
      if (char === undefined) this.fail('unterminated string: expected a closing double quote', start);
      if (char === '"') break;
      if (char < ' ') this.fail('control character in a string: write it as an escape such as \\n or \\t');
      if (char === '\\') {
        const escaped = this.text[this.position + 1];
        const hex = this.text.slice(this.position + 2, this.position + 6);
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) this.position += 4;
        else if (escaped === undefined || !ESCAPES.has(escaped)) {
          this.fail('invalid escape in a string: expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX');
        }
        this.position += 1;
      }
      this.position += 1;
    }
    this.position += 1;
  }

  private scanNumber(): void {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.position += match[0].length;
    const next = this.peek();
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.fail('invalid number');
  }

  private scanWord(word: string): boolean {
    if (!this.text.startsWith(word, this.position)) return false;
    this.position += word.length;
    return true;
  }

  private skipWhitespace(): void {
    while (/^[ \t\n\r]$/.test(this.peek() ?? '')) this.position += 1;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private fail(reason: string, offset = this.position): never {
    const atEnd = offset >= this.text.length && !reason.startsWith('unterminated');
    throw new Failure(offset, atEnd ? `unexpected end of the text: ${reason}` : reason);
  }
}
