import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { compileValue, isExpressionValue } from './index.js';

const message = { payload: { id: 7, name: 'pump', list: [1, 2] }, attributes: {}, vars: { region: 'eu' } };

describe('isExpressionValue', () => {
  it.each([
    [{ $expr: 'payload' }, true],
    [{ $template: 'Hi {{ payload.name }}' }, true],
    [{ $expr: '' }, true],
    [{ $expr: 5 }, false],
    [{ $expr: 'a', other: 1 }, false],
    [{ $expr: 'a', $template: 'b' }, false],
    [{ $exp: 'a' }, false],
    [['$expr'], false],
    ['$expr', false],
    [null, false],
    [undefined, false],
  ])('%j -> %s', (value, expected) => {
    expect(isExpressionValue(value)).toBe(expected);
  });
});

describe('compileValue', () => {
  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['null', null],
    ['an object', { url: 'https://example.test', retries: [1, 2], nested: { deep: { ok: true } } }],
    ['an object that merely mentions $expr', { $expr: 5, note: 'literal' }],
  ])('returns %s as it is, without expressions', async (_name, literal) => {
    const compiled = compileValue(literal);
    expect(compiled.dynamic).toBe(false);
    expect(await compiled.evaluate(message)).toEqual(literal);
  });

  it('returns a fresh copy of a literal each time, so a caller cannot change it', async () => {
    const compiled = compileValue({ list: [1], inner: { a: 1 } });
    const first = (await compiled.evaluate(message)) as { list: number[]; inner: { a: number } };
    first.list.push(2);
    first.inner.a = 9;
    expect(await compiled.evaluate(message)).toEqual({ list: [1], inner: { a: 1 } });
  });

  it('keeps what it compiled when the caller changes the value afterwards', async () => {
    const source = { fixed: { a: 1 }, id: { $expr: 'payload.id' } };
    const compiled = compileValue(source);
    source.fixed.a = 2;
    expect(await compiled.evaluate(message)).toEqual({ fixed: { a: 1 }, id: 7 });
  });

  it('evaluates a top-level expression or template', async () => {
    expect(await compileValue({ $expr: 'payload.id * 2' }).evaluate(message)).toBe(14);
    expect(await compileValue({ $template: '#{{ payload.id }}' }).evaluate(message)).toBe('#7');
    expect(await compileValue({ $expr: 'payload.missing' }).evaluate(message)).toBeUndefined();
  });

  it('evaluates expressions nested at any depth inside objects and arrays', async () => {
    const compiled = compileValue({
      url: 'https://example.test/items',
      headers: { 'X-Region': { $expr: 'vars.region' }, Accept: 'application/json' },
      body: [
        { id: { $expr: 'payload.id' }, text: { $template: 'name: {{ payload.name }}' } },
        'fixed',
        [{ $expr: 'payload.list' }],
      ],
    });
    expect(compiled.dynamic).toBe(true);
    expect(await compiled.evaluate(message)).toEqual({
      url: 'https://example.test/items',
      headers: { 'X-Region': 'eu', Accept: 'application/json' },
      body: [{ id: 7, text: 'name: pump' }, 'fixed', [[1, 2]]],
    });
  });

  it('leaves out object keys whose expression yields nothing; such array items become null', async () => {
    const missing = { $expr: 'payload.missing' };
    const compiled = compileValue({ kept: 1, gone: missing, list: [missing, 2] });
    const result = await compiled.evaluate(message);
    expect(result).toEqual({ kept: 1, list: [null, 2] });
    expect(Object.keys(result as object)).toEqual(['kept', 'list']);
  });

  it('gives each evaluation its own message', async () => {
    const compiled = compileValue({ id: { $expr: 'payload.id' } });
    const results = await Promise.all(
      [1, 2, 3].map((id) => compiled.evaluate({ ...message, payload: { id } })),
    );
    expect(results).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it.each([
    [{ $expr: 'payload.' }, '', 'expression syntax error at line 1, column 8: Unexpected end of expression'],
    [
      { a: [{ b: { $template: 'x {{ ( }}' } }] },
      '/a/0/b',
      'expression syntax error at line 1, column 7: Expected ")" before end of expression (at /a/0/b)',
    ],
    [
      { 'odd/key~': { $expr: '1 +' } },
      '/odd~1key~0',
      'expression syntax error at line 1, column 3: Unexpected end of expression (at /odd~1key~0)',
    ],
  ])('throws EXPRESSION:SYNTAX for %j, naming where', (value, pointer, message) => {
    let thrown: unknown;
    try {
      compileValue(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowbusError);
    const error = thrown as FlowbusError;
    expect(error.type).toBe('EXPRESSION:SYNTAX');
    expect(error.message).toBe(message);
    if (pointer) expect(error.details?.pointer).toBe(pointer);
    else expect(error.details).not.toHaveProperty('pointer');
  });

  it('rejects a runtime error of a nested expression as EXPRESSION:EVALUATION', async () => {
    const compiled = compileValue({ a: { b: { $expr: 'payload.name + 1' } } });
    await expect(compiled.evaluate(message)).rejects.toMatchObject({
      type: 'EXPRESSION:EVALUATION',
      details: { source: 'payload.name + 1', code: 'T2001' },
    });
  });
});
