import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact.js';

describe('createRedactor', () => {
  it('does nothing until it knows a secret', () => {
    const redactor = createRedactor();
    const value = { a: 'token-1234' };
    expect(redactor.active).toBe(false);
    expect(redactor.redactValue(value)).toBe(value);
    expect(redactor.redactText('token-1234')).toBe('token-1234');
  });

  it('replaces secrets inside nested strings and leaves the original untouched', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t', 'hook-key-99']);
    const list = ['ok', 'url?key=hook-key-99'];
    const value = { headers: { auth: 'Bearer s3cr3t' }, list, n: 5, none: null };
    const redacted = redactor.redactValue(value);
    expect(redacted).toEqual({
      headers: { auth: `Bearer ${REDACTED}` },
      list: ['ok', `url?key=${REDACTED}`],
      n: 5,
      none: null,
    });
    expect(value.headers.auth).toBe('Bearer s3cr3t');
  });

  it('returns the same object when nothing matched', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t']);
    const value = { a: ['b', { c: 'd' }] };
    expect(redactor.redactValue(value)).toBe(value);
  });

  it('replaces a longer secret whole when it contains a shorter one', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['abcd', 'abcdefgh']);
    expect(redactor.redactText('x abcdefgh y')).toBe(`x ${REDACTED} y`);
  });

  it.each([[''], ['a'], ['abc']])('ignores a secret too short to redact: %j', (secret) => {
    const redactor = createRedactor();
    redactor.setSecrets([secret]);
    expect(redactor.active).toBe(false);
  });

  it('treats regular expression characters literally', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['a.b*c+(d)']);
    expect(redactor.redactText('a.b*c+(d) aXbbc')).toBe(`${REDACTED} aXbbc`);
  });

  // Regression: an object shared by a step trace and the result was redacted in the first place only.
  it('redacts an object shared by two places in both', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t']);
    const shared = { token: 's3cr3t' };
    const redacted = redactor.redactValue({ steps: [{ vars: shared }], result: { vars: shared } });
    const vars = { token: REDACTED };
    expect(redacted).toEqual({ steps: [{ vars }], result: { vars } });
  });

  it('survives cycles', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t']);
    const value: Record<string, unknown> = { s: 's3cr3t' };
    value.self = value;
    expect((redactor.redactValue(value) as Record<string, unknown>).s).toBe(REDACTED);
  });
});
