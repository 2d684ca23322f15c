/**
 * @module The judgement `resultCodeVendor` builds from a vendor's names and codes: the default result reader,
 * the code table, `classify` for codes whose message tells more, and what neither knows.
 */
import { describe, expect, it } from 'vitest';
import { resultCodeVendor, type RobotAnswer } from './robot-vendor.js';

const vendor = resultCodeVendor({
  namespace: 'TEST',
  title: 'Test robot',
  codeName: 'errcode',
  messageName: 'errmsg',
  windows: [],
  backoffMs: [],
  codes: { 45009: { name: 'RATE_LIMITED', words: 'rate limited' } },
  classify: (result) => (result.code === 40058 ? { name: 'TOO_LARGE', words: 'too long' } : undefined),
});

function answer(json: unknown, status = 200): RobotAnswer {
  const text = JSON.stringify(json);
  return { status, headers: new Headers(), text, json, receivedAt: 0 };
}

const tools = { quote: (text: string) => `<${text}>` };

describe('resultCodeVendor', () => {
  it.each([
    ['code 0', answer({ errcode: 0, errmsg: 'ok' }), { ok: true }],
    [
      'a code in the table',
      answer({ errcode: 45009, errmsg: 'freq out of limit' }),
      {
        ok: false,
        name: 'RATE_LIMITED',
        words: 'errcode 45009 (rate limited)',
        details: { errcode: 45009, errmsg: '<freq out of limit>' },
      },
    ],
    [
      'a code classify knows',
      answer({ errcode: 40058 }),
      { ok: false, name: 'TOO_LARGE', words: 'errcode 40058 (too long)', details: { errcode: 40058, errmsg: '<>' } },
    ],
    [
      'a code neither knows',
      answer({ errcode: 1, errmsg: 'x' }),
      { ok: false, name: 'ERROR', words: 'errcode 1 (refused)', details: { errcode: 1, errmsg: '<x>' } },
    ],
    [
      'an answer without the code',
      answer({ code: 0 }),
      { ok: false, name: 'ERROR', words: 'the answer holds no errcode' },
    ],
    [
      'a code that is not a number',
      answer({ errcode: '0' }),
      { ok: false, name: 'ERROR', words: 'the answer holds no errcode' },
    ],
  ])('judges %s', (_, given, verdict) => {
    expect(vendor.judge(given, tools)).toEqual(verdict);
  });

  it('judges the status only when the code is zero or absent', () => {
    expect(vendor.judge(answer({ errcode: 0 }, 502), tools)).toMatchObject({ ok: false, name: 'HTTP_STATUS' });
    expect(vendor.judge(answer({ errcode: 45009 }, 502), tools)).toMatchObject({ name: 'RATE_LIMITED' });
  });

  it('reads the result with the reader it is given', () => {
    const legacy = resultCodeVendor({
      namespace: 'TEST',
      title: 'Test robot',
      codeName: 'code',
      messageName: 'msg',
      windows: [],
      backoffMs: [],
      codes: {},
      readResult: (json) => ({ code: (json as { StatusCode: number }).StatusCode, message: '' }),
    });
    expect(legacy.judge(answer({ StatusCode: 0 }), tools)).toEqual({ ok: true });
    expect(legacy.judge(answer({ StatusCode: 7 }), tools)).toMatchObject({ name: 'ERROR', words: 'code 7 (refused)' });
  });
});
