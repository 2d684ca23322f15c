// Regression: a literal-only object may hold fields marked `'x-expression': true` (the HTTP trigger's
// response status, headers and body); everything else inside it stays literal-only.
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { builtinSteps } from '../steps/index.js';
import { validateFlow } from './validate.js';

const registry = createRegistry(builtinSteps);
const flowWithResponse = (response: unknown) => ({
  format: 'flowbus/flow@1',
  name: 'R',
  trigger: { id: 't', type: 'http', config: { path: '/r', response } },
  steps: [],
});

describe('expression marks inside a literal-only field', () => {
  it('accepts expressions where a nested field is marked to take them', () => {
    const response = { mode: 'sync', status: { $expr: 'payload.ok ? 200 : 422' }, body: { $template: 'ok {{ payload.id }}' } };
    expect(validateFlow(flowWithResponse(response), registry)).toEqual([]);
  });

  it('checks the syntax of such a nested expression', () => {
    const issues = validateFlow(flowWithResponse({ body: { $expr: 'payload.(' } }), registry);
    expect(issues).toMatchObject([{ pointer: '/trigger/config/response/body', code: 'expression-syntax' }]);
  });

  it('refuses an expression in an unmarked or literal-only position inside it', () => {
    const issues = validateFlow(flowWithResponse({ mode: { $expr: "'sync'" } }), registry);
    expect(issues).toMatchObject([{ pointer: '/trigger/config/response/mode', code: 'expression-not-allowed' }]);
    const methods = validateFlow(
      { ...flowWithResponse(undefined), trigger: { id: 't', type: 'http', config: { path: '/r', methods: [{ $expr: "'GET'" }] } } },
      registry,
    );
    expect(methods).toMatchObject([{ pointer: '/trigger/config/methods/0', code: 'expression-not-allowed' }]);
  });
});
