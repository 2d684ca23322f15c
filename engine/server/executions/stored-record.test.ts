import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../logging/redact.js';
import { SUMMARY_LIMIT } from '../../runtime/summary.js';
import type { ExecutionRecord } from '../../runtime/types.js';
import { toStoredExecution } from './stored-record.js';

const headers = { authorization: 'Bearer abc', Cookie: 'sid=1', 'content-type': 'application/json' };

function record(payload: unknown): ExecutionRecord {
  return {
    id: 'e1',
    flowId: 'f',
    status: 'succeeded',
    startedAt: 1,
    endedAt: 2,
    durationMs: 1,
    input: { payload, attributes: { headers } },
    steps: [],
    logs: [],
    result: { payload, attributes: { headers }, vars: { key: 'hook-secret-1' } },
  };
}

describe('toStoredExecution', () => {
  it('masks credential headers, keeps the others, and notes the origin', () => {
    const origin = { trigger: 'http', flowVersion: 'v1' };
    const stored = toStoredExecution(record({ a: 1 }), origin, createRedactor());
    const kept = { authorization: REDACTED, Cookie: REDACTED, 'content-type': 'application/json' };
    expect(stored.input.attributes?.headers).toEqual(kept);
    expect(stored.result?.attributes.headers).toEqual(kept);
    expect(stored).toMatchObject({ trigger: 'http', flowVersion: 'v1' });
    expect(headers.authorization).toBe('Bearer abc');
  });

  it('bounds large payloads like step outputs', () => {
    const large = record('x'.repeat(SUMMARY_LIMIT * 2));
    const stored = toStoredExecution(large, { trigger: 'http' }, createRedactor());
    expect(stored.input.payload).toMatchObject({ truncated: true, size: SUMMARY_LIMIT * 2 + 2 });
    expect(stored.result?.payload).toMatchObject({ truncated: true });
  });

  it('redacts known secrets anywhere in the record', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['hook-secret-1']);
    const leaky = record({ url: 'https://x/?key=hook-secret-1' });
    const stored = toStoredExecution(leaky, { trigger: 'http' }, redactor);
    expect(JSON.stringify(stored)).not.toContain('hook-secret-1');
    expect(stored.result?.vars).toEqual({ key: REDACTED });
  });
});
