import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../logging/redact.js';
import type { ExecutionRecord } from '../../runtime/types.js';
import { toStoredExecution } from './stored-record.js';

const big = 'x'.repeat(10_000);
const record: ExecutionRecord = {
  id: 'e1',
  flowId: 'f',
  status: 'succeeded',
  startedAt: 1,
  endedAt: 2,
  durationMs: 1,
  input: { payload: big, attributes: { headers: { authorization: 'Bearer secret-token', accept: '*/*' } } },
  steps: [
    { stepId: 's', type: 'set-payload', path: '/steps/0', status: 'succeeded', startedAt: 1, endedAt: 2, durationMs: 1, output: { payload: big, vars: { small: 1 } } },
  ],
  result: { payload: big, attributes: {}, vars: {} },
  logs: [],
};

describe('the history entry of an execution', () => {
  it('bounds step outputs, the input and the result, and masks credential headers', () => {
    const stored = toStoredExecution(record, { trigger: 'http' }, createRedactor());
    const output = stored.steps[0].output as { payload: { truncated: boolean }; vars: unknown };
    expect(output.payload.truncated).toBe(true);
    expect(output.vars).toEqual({ small: 1 });
    expect((stored.input.payload as { truncated: boolean }).truncated).toBe(true);
    expect((stored.result?.payload as { truncated: boolean }).truncated).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('secret-token');
  });
});
