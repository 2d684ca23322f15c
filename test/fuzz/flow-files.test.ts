/**
 * @module Property tests of the flow-file reader, validator, writer and compiler: mutated example flows (as
 * values and as text) and deep nesting never crash them; every problem is an issue with a code, a pointer
 * and a message; a document without issues compiles, and its canonical text reads back the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { FlowbusError } from '../../engine/core/errors.js';
import type { ValidationIssue } from '../../engine/core/issues.js';
import { formatFlow } from '../../engine/flow/canonical.js';
import { parseFlowText } from '../../engine/flow/load.js';
import { validateFlow } from '../../engine/flow/validate.js';
import { compileFlow } from '../../engine/runtime/index.js';
import { deepText, mutatedDocument, mutatedText } from './arbitraries.js';
import { FUZZ_RUNS, REPLAY } from './runs.js';

const registry = createAppRegistry();
const flowsDir = join(import.meta.dirname, '../../flows');
const examples = readdirSync(flowsDir)
  .filter((name) => name.endsWith('.flow.json'))
  .map((name) => JSON.parse(readFileSync(join(flowsDir, name), 'utf8')) as unknown);
const knownFlows = new Set(readdirSync(flowsDir).map((name) => name.replace(/\.flow\.json$/, '')));

/** Small valid flows of every scope kind: cheap to validate, so most runs start from one of them. */
const small: unknown[] = [
  { set: { id: 'set', type: 'set-payload', config: { value: { a: [1, 'x'], b: null } } } },
  {
    guard: {
      id: 'guard',
      type: 'try',
      steps: [{ id: 'inner', type: 'set-variable', config: { name: 'v', value: { $expr: 'payload.a' } } }],
      catch: [
        {
          id: 'any',
          config: { errorTypes: ['ANY'] },
          steps: [{ id: 'log', type: 'logger', config: { content: 'x' } }],
        },
      ],
    },
  },
  {
    pick: {
      id: 'pick',
      type: 'choice',
      when: [{ id: 'big', config: { condition: { $expr: 'payload.n > 1' } }, steps: [] }],
      otherwise: [
        { id: 'raise', type: 'raise-error', config: { errorType: 'CUSTOM:SMALL', message: 'small' } },
      ],
    },
  },
  { each: { id: 'each', type: 'for-each', config: { items: { $expr: 'payload.items' } }, steps: [] } },
].map((entry) => ({
  format: 'flowbus/flow@1',
  name: 'small',
  trigger: { id: 'request', type: 'http', config: { path: '/fuzz' } },
  steps: Object.values(entry as Record<string, unknown>),
}));
const documents = [...small, ...small, ...small, ...examples.slice(0, 2)];

function expectWellFormed(issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    assert.ok(issue.pointer === '' || issue.pointer.startsWith('/'), `pointer ${issue.pointer}`);
    assert.match(issue.code, /^[a-z][a-z-]*$/);
    assert.ok(issue.message.length > 0, 'an issue has a message');
  }
}

/** A valid document compiles (or is refused as VALIDATION), and its canonical text reads back unchanged. */
function expectUsable(document: unknown): void {
  try {
    compileFlow('fuzz', document as never, registry);
  } catch (thrown) {
    assert.ok(thrown instanceof FlowbusError && thrown.type === 'VALIDATION', String(thrown));
  }
  const text = formatFlow(document, registry);
  const again = parseFlowText(text, 'fuzz.flow.json', registry, { knownFlows });
  assert.deepStrictEqual(again.issues, []);
  assert.equal(formatFlow(again.json, registry), text);
}

describe('flow files under generated input', () => {
  it('starts from valid flows', () => {
    for (const document of documents) expect(validateFlow(document, registry, { knownFlows })).toEqual([]);
  });

  it('validates mutated example flows without crashing', () => {
    fc.assert(
      fc.property(mutatedDocument(documents), (document) => {
        const issues = validateFlow(document, registry, { file: 'fuzz.flow.json', knownFlows });
        expectWellFormed(issues);
        if (issues.length === 0) expectUsable(document);
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.flowValues },
    );
  }, 120_000);

  it('reads mutated flow text without crashing', () => {
    fc.assert(
      fc.property(mutatedText(mutatedDocument(documents, 2)), (text) => {
        const parsed = parseFlowText(text, 'fuzz.flow.json', registry, { knownFlows });
        expectWellFormed(parsed.issues);
        if (parsed.document) expectUsable(parsed.document);
        else assert.ok(parsed.issues.length > 0, 'a refused flow has issues');
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.flowTexts },
    );
  }, 120_000);

  it('reports deep nesting anywhere in a flow as a json-depth issue with its pointer', () => {
    const trigger = '{"id":"request","type":"http","config":{"path":"/x"}}';
    fc.assert(
      fc.property(deepText, (deep) => {
        const text = `{"format":"flowbus/flow@1","name":"d","trigger":${trigger},"steps":[{"id":"s",`;
        const parsed = parseFlowText(
          `${text}"type":"set-payload","config":{"value":${deep}}}]}`,
          'f',
          registry,
        );
        expectWellFormed(parsed.issues);
        const depth = deep.indexOf('1');
        const nests = deep.startsWith('[') ? depth : depth / 5;
        if (nests + 4 > 128) expect(parsed.issues.map((issue) => issue.code)).toContain('json-depth');
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.deep },
    );
  }, 120_000);
});
