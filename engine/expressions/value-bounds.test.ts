/**
 * @module Tests of the bound on the values an expression builds: sizes are measured cheaply, builders are
 * refused before they allocate, and results that stay within the bound are exactly JSONata's.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { findValueDepthExcess } from '../core/json-depth.js';
import { jsonPreview, measuredDepth, measureValue } from '../core/value-size.js';
import { compileExpression, compileTemplate, compileValue } from './index.js';

const message = { payload: { s: 'ab-cd-ef', text: 'x'.repeat(1000) }, attributes: {}, vars: {} };
const limits = { valueBytes: 100_000 };

async function failure(evaluate: Promise<unknown>): Promise<FlowbusError> {
  const error = await evaluate.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FlowbusError);
  return error as FlowbusError;
}

describe('measureValue', () => {
  const shared: unknown[] = ['x'.repeat(100)];
  let doubled: unknown = shared;
  for (let level = 0; level < 40; level++) doubled = [doubled, doubled];

  it.each([
    ['a short string', 'abc', 1000, 5],
    ['an object (numbers count 8)', { a: 'xy', n: 1 }, 1000, 24],
    ['a long string', 'x'.repeat(2000), 1000, Infinity],
    ['2^40 references to one array, walked no further than the budget', doubled, 1_000_000, Infinity],
  ])('measures %s', (_, value, budget, size) => {
    expect(measureValue(value, budget)).toBe(size);
  });

  it('remembers the value measured whatever its size, and inside it only objects of 512 bytes or more', () => {
    const small = { b: 'xy' };
    const large = { text: 'x'.repeat(600) };
    const value = { small };
    const memo = new WeakMap<object, number>();
    const size = measureValue(value, 10_000, memo);
    measureValue({ large, small }, 10_000, memo);
    expect([size, memo.has(value), memo.has(small), memo.has(large)]).toEqual([22, true, false, true]);
    // A remembered value is not walked again (values must not change once measured): a lookup answers.
    small.b = 'x'.repeat(100);
    expect(measureValue(value, 10_000, memo)).toBe(22);
    expect(measureValue(value, 10, memo)).toBe(Infinity);
    expect(measureValue(value, 10_000)).toBe(120);
  });

  const lambda = { _jsonata_lambda: true, environment: { deep: { deeper: {} } } };
  it.each<[string, object, number | undefined]>([
    ['an object of primitives', { a: 1, b: 'x' }, 1],
    ['an empty array', [], 1],
    ['nested objects and arrays', { a: [1, { b: {} }], c: { d: 1 } }, 4],
    ['a deep chain', JSON.parse(`${'['.repeat(600)}${']'.repeat(600)}`), 600],
    ['a value holding a function (a leaf, as for json-depth)', { a: { fn: () => 1 } }, 2],
    ['a value holding a JSONata lambda (not walked: not known)', { a: lambda }, undefined],
    ['a class instance (not known)', new Date(0), undefined],
    ['a value holding a typed array (not known)', { a: new Uint8Array(2) }, undefined],
  ])('records how deeply %s nests, as json-depth counts it', (_, value, depth) => {
    const memo = new WeakMap<object, number>();
    measureValue(value, 1_000_000, memo);
    expect(measuredDepth(value, memo)).toBe(depth);
    if (depth !== undefined) {
      expect(findValueDepthExcess(value, depth)).toBeUndefined();
      expect(findValueDepthExcess(value, depth - 1)).toBeDefined();
    }
    // A second measurement reads the memo and gives the same size, the depth stays recorded.
    expect(measureValue(value, 1_000_000, memo)).toBe(measureValue(value, 1_000_000));
    expect(measuredDepth({ wrapper: value }, memo)).toBeUndefined();
  });

  it('records the depth of a value whose parts were remembered before', () => {
    const memo = new WeakMap<object, number>();
    const part = { list: [[{ text: 'x'.repeat(600) }]] };
    measureValue(part, 1_000_000, memo);
    const whole = { part, more: [part] };
    measureValue(whole, 1_000_000, memo);
    expect([measuredDepth(part, memo), measuredDepth(whole, memo)]).toEqual([4, 6]);
  });

  it('measures a cycle without running away', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(measureValue(cyclic, 10_000)).toBe(Infinity);
  });

  it.each([
    [{ a: [1, 2, 3], b: 'text' }, 10],
    ['x'.repeat(50), 8],
    [[{ deep: { deeper: ['a', 'b'] } }], 1000],
  ])('previews %j in at most %i characters, as JSON.stringify starts', (value, limit) => {
    const preview = jsonPreview(value, limit);
    expect(preview.length).toBeLessThanOrEqual(limit);
    expect(JSON.stringify(value).startsWith(preview)).toBe(true);
  });
});

describe('EXPRESSION:LIMIT', () => {
  it.each([
    ['$pad to a huge width', '$pad("", 200000000, "x")', '200000000 bytes'],
    ['$pad to the left', '$pad("a", -200000, "x")', '200000 bytes'],
    // Beyond what V8 can allocate: refused before allocating, not failing in the attempt.
    ['$pad past any string length', '$pad("", 3000000000)', '3000000000 bytes'],
    ['a range longer than the bound allows', '[1..10000000]', 'more than the 100000 bytes'],
    ['$append past the bound', '$append([1..10000], [1..10000])', 'more than the 100000 bytes'],
    ['$join with a long separator', '$join([1..100].$string(), $pad("", 5000, "-"))', 'bytes, more than'],
    ['$replace of a string pattern', '$replace(payload.text, "x", "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy")', 'bytes, more than'],
    ['$replace of a regex', '$replace(payload.text, /x/, $pad("", 200, "y"))', 'bytes, more than'],
    ['string doubling', '($s := payload.text; $s := $s & $s & $s & $s; $s := $s & $s & $s & $s; $s := $s & $s & $s & $s; $s & $s)', 'more than'],
    ['an object of many copies', '{ "a": [1..2000].($$.payload.text) }', 'more than'],
    ['$string of a large value', '$string([1..1000].($$.payload))', 'more than'],
  ])('stops %s', async (_, source, text) => {
    const error = await failure(compileExpression(source).evaluate(message, { limits }));
    expect(error.type).toBe('EXPRESSION:LIMIT');
    expect(error.message).toContain(text);
    expect(error.message).toContain('limits.valueBytes');
    expect(error.details).toMatchObject({ source, bound: 'value', limit: 'limits.valueBytes', valueBytes: 100_000 });
  });

  it('bounds a whole template and a whole compiled value, not only each expression', async () => {
    const hole = '{{ payload.text & payload.text }}';
    const template = await failure(compileTemplate(hole.repeat(60)).evaluate(message, { limits }));
    expect(template.type).toBe('EXPRESSION:LIMIT');
    const parts = Object.fromEntries(Array.from({ length: 60 }, (_, n) => [`k${n}`, { $expr: 'payload.text & payload.text' }]));
    const value = await failure(compileValue(parts).evaluate(message, { limits }));
    expect(value.type).toBe('EXPRESSION:LIMIT');
  });
});

describe('the bounded builders give what JSONata gives', () => {
  it.each([
    '$pad("ab", 5, "-")',
    '$pad("ab", -5)',
    '$pad("ab", 1)',
    '$pad("日本", 4, "語")',
    '$join(["a", "b", "c"], ", ")',
    '$join(["a", "b"])',
    '$replace(payload.s, "-", "+")',
    '$replace(payload.s, "-", "+", 1)',
    '$replace(payload.s, /(\\w)(\\w)/, "$2$1$0$$")',
    '$replace(payload.s, /(\\w)/, "[$1$12$9]")',
    '$replace(payload.s, /(\\w)(\\w)?/, "$3$")',
    '$replace(payload.s, /\\w/, "<$0>", 2)',
    '$replace(payload.s, /(\\w+)/, function($m) { $uppercase($m.match) })',
  ])('%s', async (source) => {
    const ours = await compileExpression(source).evaluate(message, { limits });
    const theirs = await jsonata(source).evaluate(message);
    expect(ours).toEqual(theirs);
  });
});
