import { describe, expect, it } from 'vitest';
import { LinearRegExp, unsupportedRegexReason } from './index.js';

/** Every match a global regex gives, by driving `lastIndex` the way JSONata does. */
function allMatches(regex: { lastIndex: number; exec(text: string): RegExpExecArray | null }, text: string) {
  const found: Array<{ groups: unknown[]; index: number; lastIndex: number }> = [];
  regex.lastIndex = 0;
  for (let guard = 0; guard < 50; guard++) {
    const match = regex.exec(text);
    if (match === null) break;
    found.push({ groups: [...match], index: match.index, lastIndex: regex.lastIndex });
    if (regex.lastIndex >= text.length || match[0] === '') break;
  }
  return { found, lastIndexAfter: regex.lastIndex };
}

describe('LinearRegExp', () => {
  // Each pattern is run natively and on RE2; both must give the same matches, groups, indexes, lastIndex.
  const sameAsNative: Array<[RegExp, string]> = [
    [/b+/g, 'ababbxabbcc'],
    [/(\w+)\s(\w+)/g, 'John Smith and Jane Doe'],
    [/(ab)|(a)/g, 'abcd a'],
    [/a.*?a/g, 'abracadabra'],
    [/^(.*?)d(.*)$/g, 'darted'],
    [/hat/gi, 'Bowler HAT, Trilby hat'],
    [/^b/gm, 'a\nb\nb'],
    [/\bfoo\b/g, 'foo food foo'],
    [/\s+/g, 'a\u00a0b\u2003c\td\ufeffe'],
    [/\S+/g, ' ab\u00a0cd '],
    [/[^\s,]+/g, 'x, y\u3000z'],
    [/./g, 'a\nb\rc\u2028d'],
    [/[^]/g, '\n'],
    [/[]/g, 'anything'],
    [/\u0041\x42\cJ\0/g, 'AB\n\0'],
    [/\uD83D\uDE00|x/g, 'x😀y'],
    [/[\d-z]+/g, '1-z-9'],
    [/a{,3}|\{/g, 'a{,3} {'],
    // JavaScript without the u flag reads these as plain letters (TypeScript rejects them as literals).
    [new RegExp('\\p{L}', 'g'), 'p{L} é'],
    [/\a\e\z\A/g, 'aezA'],
    [/[[:alpha:]]+/g, '[:a]'],
    [/\//g, 'a/b/c'],
    [/[\b]/g, 'a\bb'],
    [new RegExp('\\8\\9', 'g'), '89'],
    [new RegExp('\\101', 'g'), 'A'],
    [/(?<year>\d{4})-(\d{2})/g, '2024-05 and 2025-11'],
    [/x*/g, 'abc'],
    [/(-?\d+(?:\.\d*)?)F\b/g, 'temperature = 68F today'],
    [/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)/g, 'abcdefghijklmno'],
    [/é/gi, 'É é'],
    [/b/, 'abcb'],
  ];

  it.each(sameAsNative)('%s on %j gives what a native RegExp gives', (pattern, text) => {
    const native = new RegExp(pattern.source, pattern.flags);
    expect(allMatches(new LinearRegExp(pattern), text)).toEqual(allMatches(native, text));
  });

  it('starts a global regex at lastIndex, and a non-global one at 0', () => {
    const global = new LinearRegExp(/a/g);
    global.lastIndex = 2;
    expect(global.exec('aaa')?.index).toBe(2);
    expect(global.exec('aaa')).toBeNull();
    expect(global.lastIndex).toBe(0);
    const once = new LinearRegExp(/a/);
    once.lastIndex = 2;
    expect(once.exec('aaa')?.index).toBe(0);
    expect(once.lastIndex).toBe(2);
  });

  it('keeps the context before lastIndex for ^ and \\b, as a native RegExp does', () => {
    const start = new LinearRegExp(/^a/g);
    start.lastIndex = 1;
    expect(start.exec('aa')).toBeNull();
    const boundary = new LinearRegExp(/\bb/g);
    boundary.lastIndex = 1;
    expect(boundary.exec('ab')).toBeNull();
  });

  // Regression for the freeze of issue 10: both would backtrack for hours on a native RegExp.
  it.each([
    [/(a+)+b/g, `${'a'.repeat(34)}!`],
    [/^(\w+\s?)*$/g, `${'a'.repeat(35)}!`],
    [/(x+x+)+y/g, 'x'.repeat(20_000)],
  ])('runs %s on an evil input without backtracking', (pattern, text) => {
    expect(new LinearRegExp(pattern).exec(text)).toBeNull();
  });

  it.each([
    ['(?=a)', 'a lookahead `(?=`', 0],
    ['x(?!y)', 'a lookahead `(?!`', 1],
    ['(?<=a)b', 'a lookbehind `(?<=`', 0],
    ['(?<!a)b', 'a lookbehind `(?<!`', 0],
    ['(a)\\1', 'a backreference `\\1`', 3],
    ['\\1(a)', 'a backreference `\\1`', 0],
    ['(?<n>a)\\k<n>', 'a backreference `\\k<...>`', 7],
    ['a{1001}', 'the repeat count `{1001}`', 1],
    ['a{2,5000}', 'the repeat count `{2,5000}`', 1],
  ])('reports /%s/ as unsupported: %s at offset %d', (source, construct, offset) => {
    const reason = unsupportedRegexReason(source, 'g');
    expect(reason?.reason).toContain(`regex /${source}/ uses ${construct}`);
    expect(reason?.offset).toBe(offset);
    expect(() => new LinearRegExp(new RegExp(source, 'g'))).toThrow(
      expect.objectContaining({ type: 'EXPRESSION:UNSUPPORTED_REGEX' }),
    );
  });

  it.each([
    ['[\\1]', '\x01'],
    ['\\k', 'k'],
    ['(a)\\2', 'a\x02'],
  ])('runs /%s/, where JavaScript reads no backreference, like a native RegExp', (source, text) => {
    expect(unsupportedRegexReason(source)).toBeUndefined();
    expect(new LinearRegExp(source, '').exec(text)?.[0]).toBe(new RegExp(source).exec(text)?.[0]);
  });

  it('rejects flags it does not know', () => {
    expect(unsupportedRegexReason('a', 'y')?.reason).toContain('flags other than i, m, s and g');
  });
});
