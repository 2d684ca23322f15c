/**
 * @module Flow test file calls: read a flow's `*.test.json`, save a case into it.
 */
import type { FlowTestCase, FlowTestFile } from '../../../engine/flow-tests/format.js';
import { apiJson } from './client.js';

export interface FlowTestsAnswer {
  /** The test file's path as the server shows it, e.g. `flows/alarm.test.json`. */
  file: string;
  tests: FlowTestFile | null;
}

export async function getFlowTests(flowId: string, signal?: AbortSignal): Promise<FlowTestsAnswer> {
  return apiJson<FlowTestsAnswer>(`/flows/${encodeURIComponent(flowId)}/tests`, { signal });
}

/** Adds the case to the flow's test file, or replaces the case of the same name. */
export async function saveTestCase(flowId: string, testCase: FlowTestCase): Promise<FlowTestsAnswer> {
  return apiJson<FlowTestsAnswer>(`/flows/${encodeURIComponent(flowId)}/tests/cases`, { method: 'POST', body: testCase });
}
