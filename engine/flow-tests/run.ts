/**
 * @module Runs flow test files: each case executes its flow with the case's input and stubs and is compared
 * with the case's expectations.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { formatIssue, type ValidationIssue } from '../core/issues.js';
import { issuesFromAjvErrors } from '../json/ajv-issues.js';
import { parseJsonText } from '../json/files.js';
import { eventTriggerInput } from '../runtime/trigger-input.js';
import type { FlowCatalog } from '../runtime/catalog.js';
import type { ExecutionInput, ExecutionRecord } from '../runtime/types.js';
import { compareWithExpectation } from './expect.js';
import { flowTestSchema, type FlowTestCase, type FlowTestFile } from './format.js';

export interface CaseResult {
  name: string;
  passed: boolean;
  failures: string[];
  durationMs: number;
  record?: ExecutionRecord;
}

export interface TestFileResult {
  file: string;
  flowId: string;
  /** Problems that stopped the file from running at all (bad JSON, unknown flow, invalid flow). */
  problems: string[];
  cases: CaseResult[];
}

let compiledTestFileValidator: ValidateFunction | undefined;

/** Compiled on first use: the server and most CLI commands never read a test file (start-up time). */
function testFileValidator(): ValidateFunction {
  return (compiledTestFileValidator ??= new Ajv({ allErrors: true, strict: false }).compile(flowTestSchema));
}

/** Parses a test file; every problem is returned as an issue. */
export function parseFlowTestText(text: string, file: string): { tests?: FlowTestFile; issues: ValidationIssue[] } {
  const read = parseJsonText(text, file);
  if (!read.ok) return { issues: [read.issue] };
  const value = read.json;
  const validate = testFileValidator();
  if (!validate(value)) {
    const issues = issuesFromAjvErrors(validate.errors ?? [], '').map((issue) => ({ file, ...issue }));
    return { issues };
  }
  return { tests: value as unknown as FlowTestFile, issues: [] };
}

/** The flow a test file is for: its `flow` field, else its name without `.test.json`. */
export function flowIdOfTestFile(file: string, tests?: FlowTestFile): string {
  return tests?.flow ?? basename(file).replace(/\.test\.json$/, '');
}

/** Runs every case of one test file against the flows of `catalog`. */
export async function runFlowTestFile(file: string, catalog: FlowCatalog): Promise<TestFileResult> {
  const { tests, issues } = parseFlowTestText(await readFile(file, 'utf8'), file);
  const flowId = flowIdOfTestFile(file, tests);
  const result: TestFileResult = { file, flowId, problems: issues.map(formatIssue), cases: [] };
  if (!tests) return result;
  const flow = catalog.flows.get(flowId);
  if (!flow) {
    const flowIssues = catalog.issues.filter((issue) => issue.file === catalog.files.get(flowId));
    result.problems.push(
      flowIssues.length > 0
        ? `flow "${flowId}" is invalid:\n${flowIssues.map(formatIssue).join('\n')}`
        : `no flow "${flowId}" next to the test file (looked for ${join(dirname(file), `${flowId}.flow.json`)})`,
    );
    return result;
  }
  for (const testCase of tests.cases) {
    const started = performance.now();
    const record = await flow.execute(caseInput(testCase), {
      stubs: testCase.stubs,
      dryRun: !testCase.live,
      timeoutMs: testCase.timeoutMs,
      services: { resolveFlow: catalog.resolveFlow },
    });
    const failures = compareWithExpectation(record, testCase.expect);
    result.cases.push({
      name: testCase.name,
      passed: failures.length === 0,
      failures,
      durationMs: Math.round(performance.now() - started),
      record,
    });
  }
  return result;
}

function caseInput(testCase: FlowTestCase): ExecutionInput {
  if (testCase.event) return eventTriggerInput(testCase.event);
  return {
    payload: testCase.input?.payload ?? null,
    attributes: testCase.input?.attributes,
    vars: testCase.input?.vars,
  };
}
