/**
 * @module `/api/flows/:id/tests`: the flow's test file (`<flow>.test.json` beside the flow file), read, and a
 * case added or replaced by name — what the editor's test run saves as a flow test case.
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/write-file-atomic.js';
import { formatFlowTests } from '../../flow-tests/canonical.js';
import { FLOW_TEST_FORMAT, parseFlowTestText, type FlowTestCase, type FlowTestFile } from '../../flow-tests/index.js';
import { readFlowText } from '../flows/flow-file.js';
import type { ApiContext } from './context.js';

/** The test file's path for a flow file's path. */
export function testFilePath(flowPath: string): string {
  return flowPath.replace(/\.flow\.json$/, '.test.json');
}

/** The `$schema` line of a new test file, relative to where it sits (`flows/a.test.json`: `../schema/...`). */
function schemaReference(testFile: string): string {
  const depth = testFile.split('/').length - 1;
  return `${'../'.repeat(depth)}schema/flow-test.schema.json`;
}

export function flowTestsRouter(context: ApiContext): Router {
  const router = Router();
  const { catalog } = context;
  // Saves of one test file one after the other, so that two added cases never overwrite each other.
  let writes: Promise<unknown> = Promise.resolve();

  async function readTests(flowPath: string, file: string): Promise<FlowTestFile | undefined> {
    const text = await readFlowText(testFilePath(flowPath));
    if (text === undefined) return undefined;
    const { tests, issues } = parseFlowTestText(text, file);
    if (!tests) {
      const message = `${file} has ${issues.length} problem(s): ${issues[0]?.message}`;
      throw new FlowbusError('VALIDATION', message, { issues });
    }
    return tests;
  }

  router.get('/flows/:id/tests', async (request, response) => {
    const state = catalog.require(request.params.id);
    const file = testFilePath(state.file);
    response.json({ file, tests: (await readTests(state.path, file)) ?? null });
  });

  router.post('/flows/:id/tests/cases', async (request, response) => {
    const state = catalog.require(request.params.id);
    const file = testFilePath(state.file);
    const testCase = request.body as FlowTestCase;
    const task = writes.then(async () => {
      const fresh: FlowTestFile = { $schema: schemaReference(file), format: FLOW_TEST_FORMAT, cases: [] };
      const existing = (await readTests(state.path, file)) ?? fresh;
      const others = existing.cases.filter((known) => known.name !== testCase?.name);
      const next: FlowTestFile = { ...existing, cases: [...others, testCase] };
      const text = formatFlowTests(next);
      // Checked as a whole file, so a bad case is reported at its place: /cases/<n>/...
      const { issues } = parseFlowTestText(text, file);
      if (issues.length > 0) {
        const message = `the test case has ${issues.length} problem(s): ${issues[0]!.message}`;
        throw new FlowbusError('VALIDATION', message, { issues });
      }
      await writeFileAtomic(testFilePath(state.path), text);
      return { file, tests: next, replaced: others.length < existing.cases.length };
    });
    writes = task.catch(() => undefined);
    const saved = await task;
    response.status(saved.replaced ? 200 : 201).json(saved);
  });
  return router;
}
