/**
 * @module Tests of `explainMatch`: the console's "why did this not match" answer.
 */
import { describe, expect, it } from 'vitest';
import { explainMatch } from './explain.js';
import { parsePattern } from './parse-pattern.js';
import type { Pattern } from './types.js';

function compile(pattern: unknown): Pattern {
  const result = parsePattern(pattern);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pattern;
}

const event = {
  source: 'cos.cloud.tencent',
  data: { name: 'testname', scope: 100, tags: ['a', 'b'] },
  items: [
    { id: 1, kind: 'disk' },
    { id: 2, kind: 'nic' },
  ],
};

describe('explainMatch', () => {
  it('answers match with no failures', () => {
    const pattern = compile({ data: { name: [{ prefix: 'te' }] } });
    expect(explainMatch(pattern, event)).toEqual({ match: true, failures: [] });
  });

  it.each<[string, unknown, Array<{ pointer: string; reason: RegExp }>]>([
    [
      'a wrong value',
      { source: ['cvm.cloud.tencent'] },
      [{ pointer: '/source', reason: /"cos.cloud.tencent" does not match \["cvm.cloud.tencent"\]/ }],
    ],
    [
      'a missing field',
      { data: { region: ['ap-guangzhou'] } },
      [{ pointer: '/data/region', reason: /the field is missing; expected \["ap-guangzhou"\]/ }],
    ],
    [
      'a field that should be absent',
      { data: { scope: [{ exists: false }] } },
      [{ pointer: '/data/scope', reason: /expected the field to be absent, found 100/ }],
    ],
    [
      'an object where a value was expected',
      { data: ['x'] },
      [{ pointer: '/data', reason: /found an object/ }],
    ],
    [
      'every failing field, not only the first',
      { source: ['x'], data: { scope: [{ numeric: ['<', 10] }] } },
      [
        { pointer: '/source', reason: /does not match/ },
        { pointer: '/data/scope', reason: /100 does not match \[\{"numeric":\["<",10\]\}\]/ },
      ],
    ],
    [
      'a list of objects where no element satisfies all conditions',
      { items: { id: [2], kind: ['disk'] } },
      [
        { pointer: '/items', reason: /no element of the list satisfies all of its conditions together/ },
        { pointer: '/items/0/id', reason: /1 does not match \[2\]/ },
      ],
    ],
    [
      'no $or branch',
      { $or: [{ source: ['a'] }, { data: { name: ['b'] } }] },
      [{ pointer: '', reason: /none of the "\$or" branches matches \(branch 1: \/source .*; branch 2: \// }],
    ],
  ])('%s', (_name, pattern, failures) => {
    const explained = explainMatch(compile(pattern), event);
    expect(explained.match).toBe(false);
    const expected = failures.map((one) => ({ ...one, reason: expect.stringMatching(one.reason) }));
    expect(explained.failures).toEqual(expected);
  });

  it('explains events that are not objects instead of throwing', () => {
    expect(explainMatch(compile({ a: [1] }), [1])).toEqual({
      match: false,
      failures: [{ pointer: '', reason: 'the event must be a JSON object, found [1]' }],
    });
    const hostile = Object.defineProperty({}, 'a', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(explainMatch(compile({ a: [1] }), hostile).failures[0]!.reason).toMatch(/could not be read: boom/);
  });
});
