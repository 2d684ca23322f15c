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

  const manySteps = (count: number, output: unknown): ExecutionRecord => ({
    ...record,
    steps: Array.from({ length: count }, (_, index) => ({
      stepId: `s${index}`,
      type: 'set-payload',
      path: '/steps/0',
      status: 'succeeded' as const,
      startedAt: 1,
      endedAt: 2,
      durationMs: 1,
      output,
    })),
  });

  it.each([
    ['few steps with large outputs', manySteps(5, { payload: big, vars: {} }), undefined],
    ['many steps with large outputs', manySteps(500, { payload: big, vars: { big } }), ['step outputs and configs']],
    ['very many steps', manySteps(20_000, undefined), ['step outputs and configs', '19980 steps and 0 log entries in the middle']],
  ])('keeps a record of %s within recordBytes, saying what it left out', (_, given, left) => {
    const stored = toStoredExecution(given, { trigger: 'http' }, createRedactor(), { recordBytes: 100_000 });
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(100_000);
    expect(stored.elided?.record?.left).toEqual(left);
  });
});
