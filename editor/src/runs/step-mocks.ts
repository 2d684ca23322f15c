/**
 * @module Mocks of a test run, as edited: per step id, pin the step's output or make it fail with an error
 * type; turned into the `stubs` of a dry run and of a flow test case (the same shape `*.test.json` declares).
 */
import type { StepStub } from '../../../engine/runtime/types.js';

/** One mock as the run panel edits it; the JSON fields are kept as typed until the run. */
export interface StepMock {
  stepId: string;
  kind: 'fail' | 'pin';
  errorType: string;
  errorMessage: string;
  /** JSON object of `error.details`, or empty. */
  detailsText: string;
  /** JSON object `{ payload?, attributes?, vars? }`: what the step's output message gets. */
  outputText: string;
}

/** Error types offered in the mock's type field; any `NAMESPACE:NAME` may be typed. */
export const SUGGESTED_ERROR_TYPES = [
  'WECOM:RATE_LIMITED',
  'DINGTALK:RATE_LIMITED',
  'FEISHU:RATE_LIMITED',
  'HTTP:STATUS',
  'HTTP:CONNECTIVITY',
  'HTTP:TIMEOUT',
  'CONNECTION:NOT_FOUND',
  'TIMEOUT',
];

const ERROR_TYPE = /^[A-Z][A-Z0-9_]*(:[A-Z][A-Z0-9_]*)*$/;

export function newMock(stepId: string): StepMock {
  return { stepId, kind: 'fail', errorType: 'WECOM:RATE_LIMITED', errorMessage: '', detailsText: '', outputText: '{\n  "payload": {}\n}' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseObject(text: string, what: string, stepId: string): { value?: Record<string, unknown>; problem?: string } {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    return { problem: `mock of step "${stepId}": ${what} is not valid JSON: ${(thrown as Error).message}` };
  }
  if (!isRecord(value)) return { problem: `mock of step "${stepId}": ${what} must be a JSON object` };
  return { value };
}

function stubOf(mock: StepMock): { stub: StepStub } | { problem: string } {
  const { stepId } = mock;
  if (mock.kind === 'fail') {
    const type = mock.errorType.trim();
    if (!ERROR_TYPE.test(type)) {
      return { problem: `mock of step "${stepId}": error type "${type}" is not of the form NAMESPACE:NAME (e.g. HTTP:STATUS)` };
    }
    const details = parseObject(mock.detailsText, 'the error details', stepId);
    if (details.problem) return { problem: details.problem };
    const message = mock.errorMessage.trim();
    return { stub: { error: { type, ...(message ? { message } : {}), ...(details.value ? { details: details.value } : {}) } } };
  }
  const output = parseObject(mock.outputText, 'the output', stepId);
  if (output.problem) return { problem: output.problem };
  const unknownKeys = Object.keys(output.value ?? {}).filter((key) => !['payload', 'attributes', 'vars'].includes(key));
  if (unknownKeys.length > 0) {
    return { problem: `mock of step "${stepId}": the output may hold payload, attributes and vars, not "${unknownKeys[0]}"` };
  }
  for (const key of ['attributes', 'vars'] as const) {
    if (output.value?.[key] !== undefined && !isRecord(output.value[key])) {
      return { problem: `mock of step "${stepId}": the output's "${key}" must be an object` };
    }
  }
  return { stub: { output: output.value ?? {} } };
}

/** The stubs of `mocks` by step id, or the first problem (naming its step). */
export function stubsOfMocks(mocks: StepMock[]): { stubs: Record<string, StepStub> } | { problem: string } {
  const stubs: Record<string, StepStub> = {};
  for (const mock of mocks) {
    if (stubs[mock.stepId]) return { problem: `step "${mock.stepId}" has two mocks; keep one` };
    const result = stubOf(mock);
    if ('problem' in result) return result;
    stubs[mock.stepId] = result.stub;
  }
  return { stubs };
}
