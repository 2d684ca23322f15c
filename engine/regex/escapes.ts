/**
 * @module Reading JavaScript regex escapes (non-Unicode mode, with the web-compatibility rules) as RE2 text.
 */

/** A pattern RE2 cannot run, with the 0-based offset in the JavaScript source where the construct starts. */
export class UnsupportedRegex extends Error {
  constructor(
    /** What the pattern uses, e.g. ``a lookahead `(?=` ``. */
    readonly construct: string,
    readonly offset: number,
    /** Why the engine has no such thing. */
    readonly why = 'RE2 stays linear by never backtracking, and lookaround and backreferences need it',
  ) {
    super(construct);
  }
}

/** JavaScript's `\s`: ASCII and Unicode white space and line terminators, as code point ranges. */
const SPACE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

function complement(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let next = 0;
  for (const [low, high] of ranges) {
    if (low > next) result.push([next, low - 1]);
    next = high + 1;
  }
  result.push([next, 0x10ffff]);
  return result;
}

function rangesText(ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges.map(([low, high]) => (low === high ? hex(low) : `${hex(low)}-${hex(high)}`)).join('');
}

/** One code point written so that RE2 reads it as itself, in or out of a class. */
export function hex(codePoint: number): string {
  return `\\x{${codePoint.toString(16)}}`;
}

/** Class contents (no brackets) of JavaScript's `\s` and `\S`. */
export const SPACE_CLASS = rangesText(SPACE_RANGES);
export const NON_SPACE_CLASS = rangesText(complement(SPACE_RANGES));

/** JavaScript's `.` without the `s` flag: anything but a line terminator. */
export const DOT = `[^${rangesText([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
])}]`;

/** What an escape stands for: one code point, or a class (`\d`, `\s`, ...) written for RE2. */
export type Escape =
  | { kind: 'char'; codePoint: number; end: number }
  | { kind: 'class'; text: string; end: number };

const HEX4 = /^[0-9a-fA-F]{4}$/;
const HEX2 = /^[0-9a-fA-F]{2}$/;

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z]$/.test(char);
}

/** Legacy octal `\0`..`\377` starting at `start` (the first digit); digits 8 and 9 stand for themselves. */
function octal(source: string, start: number): Escape {
  let value = 0;
  let index = start;
  while (index < source.length && index - start < 3 && /[0-7]/.test(source[index]!)) {
    const next = value * 8 + Number(source[index]);
    if (next > 0o377) break;
    value = next;
    index++;
  }
  if (index === start) return { kind: 'char', codePoint: source.charCodeAt(start), end: start + 1 };
  return { kind: 'char', codePoint: value, end: index };
}

function unicodeEscape(source: string, start: number): Escape | undefined {
  const digits = source.slice(start + 2, start + 6);
  if (!HEX4.test(digits)) return undefined;
  const unit = parseInt(digits, 16);
  const low = source.slice(start + 8, start + 12);
  if (unit >= 0xd800 && unit <= 0xdbff && source.startsWith('\\u', start + 6) && HEX4.test(low)) {
    const lowUnit = parseInt(low, 16);
    if (lowUnit >= 0xdc00 && lowUnit <= 0xdfff) {
      const codePoint = (unit - 0xd800) * 0x400 + (lowUnit - 0xdc00) + 0x10000;
      return { kind: 'char', codePoint, end: start + 12 };
    }
  }
  return { kind: 'char', codePoint: unit, end: start + 6 };
}

/**
 * Reads the escape at `start` (a backslash). `inClass` selects the rules inside `[...]`; `groupCount` and
 * `named` decide whether `\1` and `\k<name>` are backreferences (unsupported) or plain characters.
 */
export function readEscape(
  source: string,
  start: number,
  inClass: boolean,
  groupCount: number,
  named: boolean,
): Escape {
  const char = source[start + 1]!;
  const after = start + 2;
  const simple = (codePoint: number): Escape => ({ kind: 'char', codePoint, end: after });
  switch (char) {
    case 'd':
    case 'D':
    case 'w':
    case 'W':
      return { kind: 'class', text: `\\${char}`, end: after };
    case 's':
      return { kind: 'class', text: inClass ? SPACE_CLASS : `[${SPACE_CLASS}]`, end: after };
    case 'S':
      return { kind: 'class', text: inClass ? NON_SPACE_CLASS : `[${NON_SPACE_CLASS}]`, end: after };
    case 't':
      return simple(0x09);
    case 'n':
      return simple(0x0a);
    case 'v':
      return simple(0x0b);
    case 'f':
      return simple(0x0c);
    case 'r':
      return simple(0x0d);
    case 'b':
      return simple(0x08); // only reached inside a class: outside, `\b` is an assertion
    case 'x': {
      const digits = source.slice(after, after + 2);
      if (!HEX2.test(digits)) return simple(0x78);
      return { kind: 'char', codePoint: parseInt(digits, 16), end: after + 2 };
    }
    case 'u':
      return unicodeEscape(source, start) ?? simple(0x75);
    case 'c': {
      const letter = source[after];
      if (isAsciiLetter(letter) || (inClass && letter !== undefined && /[0-9_]/.test(letter))) {
        return { kind: 'char', codePoint: letter!.charCodeAt(0) % 32, end: after + 1 };
      }
      // `\c` before anything else is a backslash followed by `c`.
      return { kind: 'char', codePoint: 0x5c, end: start + 1 };
    }
    case 'k':
      if (named && !inClass) throw new UnsupportedRegex('a backreference `\\k<...>`', start);
      return simple(0x6b);
    default:
      break;
  }
  if (/[1-9]/.test(char) && !inClass) {
    const digits = /^[0-9]+/.exec(source.slice(start + 1))![0];
    if (Number(digits) <= groupCount) throw new UnsupportedRegex(`a backreference \`\\${digits}\``, start);
  }
  if (/[0-9]/.test(char)) return octal(source, start + 1);
  // Identity escape: `\/`, `\.`, and in this mode also letters with no meaning such as `\a` or `\p`.
  const codePoint = source.codePointAt(start + 1)!;
  return { kind: 'char', codePoint, end: start + 1 + (codePoint > 0xffff ? 2 : 1) };
}
