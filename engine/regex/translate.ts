/**
 * @module Rewrites a JavaScript regex (the syntax of JSONata's `/.../` literals) into RE2 syntax, or says
 * which construct RE2 cannot run.
 *
 * Every literal is written as `\x{...}` and every JavaScript-only meaning is spelled out (`\s`, `.`,
 * `[]`, `[^]`, `\uXXXX`, `\cX`, legacy octal, identity escapes such as `\a`), so RE2 never reads a
 * character with a meaning of its own (`\z`, `\pL`, `[[:alpha:]]`). Lookaround and backreferences have
 * no linear-time implementation and are reported as {@link UnsupportedRegex}.
 */
import { DOT, hex, readEscape, UnsupportedRegex, type Escape } from './escapes.js';

/** The RE2 text of a pattern and its number of capture groups. */
export interface Translation {
  re2: string;
  groupCount: number;
}

const PASS_THROUGH = new Set(['|', '^', '$', '*', '+', '?', ')']);
const QUANTIFIER = /^\{[0-9]+(,[0-9]*)?\}/;

/** Counts capture groups (plain and named) and tells whether any is named. */
function scanGroups(source: string): { groupCount: number; named: boolean } {
  let groupCount = 0;
  let named = false;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') {
      if (source[index + 1] !== '?') groupCount++;
      else if (source[index + 2] === '<' && !'=!'.includes(source[index + 3] ?? '')) {
        groupCount++;
        named = true;
      }
    }
  }
  return { groupCount, named };
}

function literal(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  return /^[0-9A-Za-z]$/.test(char) ? char : hex(codePoint);
}

function classAtomText(atom: Escape | { kind: 'char'; codePoint: number; end: number }): string {
  return atom.kind === 'class' ? atom.text : hex(atom.codePoint);
}

class Translator {
  private out = '';
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly groupCount: number,
    private readonly named: boolean,
    private readonly dotAll: boolean,
  ) {}

  run(): string {
    const { source } = this;
    while (this.index < source.length) {
      const char = source[this.index]!;
      if (char === '\\') this.escape();
      else if (char === '[') this.charClass();
      else if (char === '(') this.group();
      else if (char === '.') this.emit(this.dotAll ? '[\\x{0}-\\x{10ffff}]' : DOT, 1);
      else if (char === '{') this.brace();
      else if (PASS_THROUGH.has(char)) this.emit(char, 1);
      else this.emitLiteralAt(this.index);
    }
    return this.out;
  }

  private emit(text: string, length: number): void {
    this.out += text;
    this.index += length;
  }

  private emitLiteralAt(index: number): void {
    const codePoint = this.source.codePointAt(index)!;
    this.emit(literal(codePoint), codePoint > 0xffff ? 2 : 1);
  }

  private escape(): void {
    const next = this.source[this.index + 1];
    if (next === 'b' || next === 'B') return this.emit(`\\${next}`, 2);
    const escape = readEscape(this.source, this.index, false, this.groupCount, this.named);
    this.out += escape.kind === 'class' ? escape.text : literal(escape.codePoint);
    this.index = escape.end;
  }

  private group(): void {
    const rest = this.source.slice(this.index, this.index + 4);
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      throw new UnsupportedRegex(`a lookahead \`${rest.slice(0, 3)}\``, this.index);
    }
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      throw new UnsupportedRegex(`a lookbehind \`${rest}\``, this.index);
    }
    if (rest.startsWith('(?:')) return this.emit('(?:', 3);
    if (rest.startsWith('(?<')) {
      const close = this.source.indexOf('>', this.index);
      const name = this.source.slice(this.index + 3, close);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        const why = 'RE2 group names are ASCII letters, digits and _';
        throw new UnsupportedRegex(`the group name \`${name}\``, this.index, why);
      }
      return this.emit(`(?P<${name}>`, close + 1 - this.index);
    }
    this.emit('(', 1);
  }

  /** `{2,5}` is a quantifier; any other brace is a literal character, as in JavaScript. */
  private brace(): void {
    const quantifier = QUANTIFIER.exec(this.source.slice(this.index));
    if (!quantifier) return this.emit(hex(0x7b), 1);
    const counts = quantifier[0].slice(1, -1).split(',').filter(Boolean).map(Number);
    if (counts.some((count) => count > 1000)) {
      const why = 'RE2 repeats a part at most 1000 times';
      throw new UnsupportedRegex(`the repeat count \`${quantifier[0]}\``, this.index, why);
    }
    this.emit(quantifier[0], quantifier[0].length);
  }

  private classAtom(): Escape {
    const { source, index } = this;
    if (source[index] === '\\') return readEscape(source, index, true, this.groupCount, this.named);
    const codePoint = source.codePointAt(index)!;
    return { kind: 'char', codePoint, end: index + (codePoint > 0xffff ? 2 : 1) };
  }

  private charClass(): void {
    const negated = this.source[this.index + 1] === '^';
    this.index += negated ? 2 : 1;
    let body = '';
    while (this.index < this.source.length && this.source[this.index] !== ']') {
      const atom = this.classAtom();
      this.index = atom.end;
      const isRange = this.source[this.index] === '-' && this.source[this.index + 1] !== ']';
      if (!isRange || atom.kind === 'class' || this.index + 1 >= this.source.length) {
        body += classAtomText(atom);
        continue;
      }
      this.index++;
      const high = this.classAtom();
      this.index = high.end;
      // `[\d-z]`: a class escape cannot bound a range, so the dash is a character.
      if (high.kind === 'class') body += `${classAtomText(atom)}${hex(0x2d)}${high.text}`;
      else body += `${hex(atom.codePoint)}-${hex(high.codePoint)}`;
    }
    this.index++;
    // `[]` matches nothing and `[^]` anything, in JavaScript; RE2 has no empty class.
    if (body === '') this.out += negated ? '[\\x{0}-\\x{10ffff}]' : '[^\\x{0}-\\x{10ffff}]';
    else this.out += `[${negated ? '^' : ''}${body}]`;
  }
}

/**
 * Translates the source of a JavaScript regex (as `RegExp.prototype.source` gives it, already accepted by
 * `new RegExp`) into RE2 syntax. Throws {@link UnsupportedRegex} for lookaround, backreferences, repeat
 * counts over 1000 and group names RE2 does not accept.
 *
 * @example
 * translateRegex('\\d+\\s?kg', false).re2; // '\\d+[\\x{9}-\\x{d}\\x{20}...]?kg'
 */
export function translateRegex(source: string, dotAll: boolean): Translation {
  const { groupCount, named } = scanGroups(source);
  return { re2: new Translator(source, groupCount, named, dotAll).run(), groupCount };
}

export { UnsupportedRegex };
