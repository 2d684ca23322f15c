// Runs every flow test file under flows/ as part of the project's own suite, one vitest test per case.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { findFiles } from '../../engine/json/files.js';
import { runFlowTestFile } from '../../engine/flow-tests/index.js';
import { loadFlowCatalog } from '../../engine/runtime/catalog.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const flowsDir = `${root}flows`;
const registry = createAppRegistry();
const catalog = await loadFlowCatalog([flowsDir], registry);
const testFiles = await findFiles([flowsDir], ['.test.json']);

describe('example flows', () => {
  it('are all valid', () => {
    expect(catalog.issues).toEqual([]);
  });

  it('each have a test file', () => {
    const tested = new Set(testFiles.map((file) => file.replace(/\.test\.json$/, '.flow.json')));
    const untested = [...catalog.files.values()].filter((file) => !tested.has(file));
    expect(untested.map((file) => relative(root, file))).toEqual([]);
  });
});

for (const file of testFiles) {
  const results = await runFlowTestFile(file, catalog);
  describe(relative(root, file), () => {
    it('loads', () => expect(results.problems).toEqual([]));
    for (const testCase of results.cases) {
      it(testCase.name, () => expect(testCase.failures).toEqual([]));
    }
  });
}

