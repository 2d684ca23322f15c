import { describe, expect, it } from 'vitest';
import { findExpressionIssues } from './index.js';

const END = 'Unexpected end of expression';
const UNCLOSED = 'template hole "{{" is not closed with "}}"';

/** The issue expected for a syntax problem at `line`, `column`. */
function syntax(pointer: string, line: number, column: number, reason: string) {
  const message = `expression syntax error at line ${line}, column ${column}: ${reason}`;
  return { pointer, code: 'expression-syntax', line, column, message };
}

describe('findExpressionIssues', () => {
  it('finds nothing in literals and valid expressions', () => {
    const value = {
      url: 'https://example.test',
      list: [1, { $expr: 'payload.id' }, { $template: 'Hi {{ payload.name }}' }],
      note: 'text with {{ braces }} is a literal, not a template',
    };
    expect(findExpressionIssues(value)).toEqual([]);
    expect(findExpressionIssues(null)).toEqual([]);
    expect(findExpressionIssues('plain')).toEqual([]);
  });

  it.each([
    [
      { $expr: 'payload.' },
      [syntax('', 1, 8, END)],
    ],
    [
      { config: { text: { $expr: '(\n  1 +\n  ]' } } },
      [syntax('/config/text', 3, 3, 'The symbol "]" cannot be used as a unary operator')],
    ],
    [
      { items: [{ $template: 'a {{ x. }}\nb {{ $f( }}' }] },
      [syntax('/items/0', 1, 8, END), syntax('/items/0', 2, 9, 'Expected ")" before end of expression')],
    ],
    [
      { a: { $template: 'x {{ y' } },
      [syntax('/a', 1, 4, UNCLOSED)],
    ],
    [
      { 'a/b': [{ $expr: 5 }], c: { $template: 'x', other: 1 }, d: { $expr: null } },
      [
        {
          pointer: '/a~1b/0',
          code: 'expression-syntax',
          line: 1,
          column: 1,
          message: '"$expr" must hold a string, not number',
        },
        {
          pointer: '/c',
          code: 'expression-syntax',
          line: 1,
          column: 1,
          message: 'an expression object holds only "$template", but this one also has "other"',
        },
        {
          pointer: '/d',
          code: 'expression-syntax',
          line: 1,
          column: 1,
          message: '"$expr" must hold a string, not null',
        },
      ],
    ],
  ])('reports %j', (value, expected) => {
    expect(findExpressionIssues(value)).toEqual(expected);
  });

  it('reports every bad expression, not just the first', () => {
    const value = { a: { $expr: '(' }, b: [{ $expr: ')' }, { $expr: 'ok' }], c: { d: { $expr: '1 +' } } };
    expect(findExpressionIssues(value).map((issue) => issue.pointer)).toEqual(['/a', '/b/0', '/c/d']);
  });
});
