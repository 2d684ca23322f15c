/**
 * @module Compares an execution record with a flow test case's expectations; each difference is one line.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ExecutionRecord } from '../runtime/types.js';
import type { FlowTestExpectation } from './format.js';

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Equality as JSON sees it: prototypes and key order do not matter, `undefined` members are absent. */
function jsonEqual(left: unknown, right: unknown): boolean {
  const normalize = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return isDeepStrictEqual(normalize(left), normalize(right));
}

/** Every way the record differs from what was expected; empty when the case passes. */
export function compareWithExpectation(record: ExecutionRecord, expected: FlowTestExpectation): string[] {
  const failures: string[] = [];
  const status = expected.status ?? (expected.error ? 'failed' : 'succeeded');
  if (record.status !== status) {
    const why = record.error ? ` (${record.error.type} at step "${record.error.step}": ${record.error.message})` : '';
    failures.push(`status: expected ${status}, got ${record.status}${why}`);
  }
  const result = record.result;
  if ('payload' in expected && !jsonEqual(result?.payload, expected.payload)) {
    failures.push(`payload: expected ${show(expected.payload)}, got ${show(result?.payload)}`);
  }
  compareFields('vars', expected.vars, result?.vars, failures);
  compareFields('attributes', expected.attributes, result?.attributes, failures);
  if (expected.error) {
    const actual = record.error;
    for (const [field, value] of Object.entries(expected.error)) {
      const got = actual?.[field as keyof typeof actual];
      const ok = field === 'message' ? typeof got === 'string' && got.includes(String(value)) : got === value;
      if (!ok) failures.push(`error.${field}: expected ${show(value)}, got ${show(got)}`);
    }
  }
  if (expected.steps) {
    const ran = record.steps.filter((step) => step.status !== 'skipped').map((step) => step.stepId);
    if (!isDeepStrictEqual(ran, expected.steps)) {
      failures.push(`steps: expected ${show(expected.steps)}, got ${show(ran)}`);
    }
  }
  for (const [stepId, fields] of Object.entries(expected.calls ?? {})) {
    const call = record.steps.find((step) => step.stepId === stepId && step.config);
    if (!call) {
      failures.push(`calls.${stepId}: the step was not called (only stubbed steps record their calls)`);
      continue;
    }
    compareFields(`calls.${stepId}`, fields, call.config, failures);
  }
  for (const [index, line] of (expected.logs ?? []).entries()) {
    const found = record.logs.some(
      (entry) =>
        (line.level === undefined || entry.level === line.level) &&
        (line.category === undefined || entry.category === line.category) &&
        (line.content === undefined || entry.content.includes(line.content)),
    );
    if (!found) failures.push(`logs[${index}]: no log line matches ${show(line)}; got ${show(record.logs.map(logText))}`);
  }
  return failures;
}

function compareFields(
  label: string,
  expected: Record<string, unknown> | undefined,
  actual: Record<string, unknown> | undefined,
  failures: string[],
): void {
  for (const [name, value] of Object.entries(expected ?? {})) {
    const got = actual?.[name];
    if (!jsonEqual(got, value)) failures.push(`${label}.${name}: expected ${show(value)}, got ${show(got)}`);
  }
}

function logText(entry: { level: string; category: string; content: string }): string {
  return `${entry.level} ${entry.category}: ${entry.content}`;
}
