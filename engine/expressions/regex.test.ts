import { describe, expect, it } from 'vitest';
import { compileExpression, findExpressionIssues, UNSUPPORTED_REGEX_ERROR } from './index.js';

const evaluate = (source: string, input: unknown = {}) => compileExpression(source).evaluate(input);

describe('regexes in expressions run on RE2', () => {
  it.each([
    ['$match("ab12cd345", /([a-z]+)([0-9]+)/)', [
      { match: 'ab12', index: 0, groups: ['ab', '12'] },
      { match: 'cd345', index: 4, groups: ['cd', '345'] },
    ]],
    ['$match("ab12cd345", /[0-9]+/, 1)', { match: '12', index: 2, groups: [] }],
    ['$replace("265USD", /([0-9]+)USD/, "$0 -> $$$1")', '265USD -> $265'],
    ['$replace("John Smith", /(\\w+)\\s(\\w+)/, "$2, $1")', 'Smith, John'],
    ['$replace("a1b22c", /[0-9]+/, function($m) { "<" & $m.match & ">" })', 'a<1>b<22>c'],
    ['$split("a1b22c", /[0-9]+/)', ['a', 'b', 'c']],
    ['$split("a1b22c", /[0-9]+/, 2)', ['a', 'b']],
    ['$contains("Alarm: disk READ-ONLY", /read-only/i)', true],
    ['$contains("Alarm", /^larm/)', false],
    ['"order-42" ~> $match(/[0-9]+/) ~> $lookup("match")', '42'],
    ['"Hello World" ~> $replace(/o/, "0") ~> $split(/\\s/)', ['Hell0', 'W0rld']],
    ['["ax", "bx", "ay"][$ ~> /^a/]', ['ax', 'ay']],
    ['$count($match("a,b,,c", /,/))', 3],
  ])('%s', async (source, expected) => {
    expect(await evaluate(source)).toEqual(expected);
  });

  it('keeps JSONata\'s error for a regex that matches the empty string again and again', async () => {
    await expect(evaluate('$replace("abc", /x*/, "-")')).rejects.toMatchObject({
      type: 'EXPRESSION:EVALUATION',
      details: { code: 'D1004' },
    });
  });

  // Regression for issue 10: these froze the process for good on JavaScript's backtracking engine.
  it.each([
    ['$match(payload.s, /(a+)+b/)', { payload: { s: `${'a'.repeat(34)}!` } }],
    ['$match(data.msg, /^(\\w+\\s?)*$/)', { data: { msg: `${'a'.repeat(35)}!` } }],
    ['$replace(s, /(x+x+)+y/, "-")', { s: 'x'.repeat(5000) }],
  ])('%s ends with a result on an evil input', async (source, input) => {
    const result = await evaluate(source, input);
    expect(result === undefined || typeof result === 'string').toBe(true);
  });

  it('rejects a regex RE2 cannot run when the expression is compiled', () => {
    expect(() => compileExpression('$match(s, /a(?=b)/)')).toThrow(
      expect.objectContaining({
        type: UNSUPPORTED_REGEX_ERROR,
        message: expect.stringMatching(
          /^unsupported regex at line 1, column 13: regex \/a\(\?=b\)\/ uses a lookahead/,
        ),
      }),
    );
  });

  it('rejects one built at run time by $eval with a typed error', async () => {
    await expect(evaluate('$eval("$match(\'ab\', /(a)\\\\1/)")')).rejects.toMatchObject({
      type: 'EXPRESSION:EVALUATION',
      message: expect.stringContaining('uses a backreference'),
    });
  });

  it('lists every unsupported regex with its pointer, line and column', () => {
    const issues = findExpressionIssues({
      when: { $expr: '$contains(s, /(?<!x)y/) and $contains(s, /(a)\\1/)' },
      text: { $template: 'Hi {{ $replace(name, /(?=a)/, "") }}' },
      fine: { $expr: '$match(s, /(a+)+b/)' },
    });
    expect(issues.map(({ pointer, line, column }) => ({ pointer, line, column }))).toEqual([
      { pointer: '/when', line: 1, column: 15 },
      { pointer: '/when', line: 1, column: 46 },
      { pointer: '/text', line: 1, column: 23 },
    ]);
    expect(issues[0]!.message).toContain('regex /(?<!x)y/ uses a lookbehind `(?<!`');
    expect(issues[1]!.message).toContain('regex /(a)\\1/ uses a backreference `\\1`');
  });
});
