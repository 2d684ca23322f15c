/**
 * @module Tests for flows, as data: format, runner and comparison.
 */
export * from './format.js';
export { compareWithExpectation } from './expect.js';
export { runFlowTestFile, parseFlowTestText, flowIdOfTestFile, type CaseResult, type TestFileResult } from './run.js';
