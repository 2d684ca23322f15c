/**
 * @module A test run made into a flow test case: its input, its mocks as stubs, and what the run gave as the
 * expectation (status, the steps that ran, the error), so a later change that alters it fails the test.
 */
import type { FlowTestCase } from '../../../engine/flow-tests/format.js';
import type { StepStub } from '../../../engine/runtime/types.js';
import type { DryRunInput } from '../api/flows.js';
import type { StoredExecution } from '../api/types.js';

export function testCaseFromRun(name: string, input: DryRunInput, stubs: Record<string, StepStub>, record: StoredExecution): FlowTestCase {
  const ran = record.steps.filter((trace) => trace.status !== 'skipped').map((trace) => trace.stepId);
  const error = record.error ? { type: record.error.type, ...(record.error.step ? { step: record.error.step } : {}) } : undefined;
  return {
    name,
    ...('event' in input ? { event: input.event } : { input: input.input }),
    ...(Object.keys(stubs).length > 0 ? { stubs } : {}),
    expect: { status: record.status, steps: ran, ...(error ? { error } : {}) },
  };
}
