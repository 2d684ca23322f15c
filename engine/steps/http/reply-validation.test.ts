/**
 * @module Tests that the flow validator checks an HTTP trigger's reply like step config: expression syntax at
 * its position, the status range, header names and values, a template where a number is wanted.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../core/registry.js';
import { validateFlow } from '../../flow/validate.js';
import { builtinSteps } from '../index.js';

const registry = createRegistry(builtinSteps);

function replyIssues(response: unknown) {
  const document = {
    format: 'flowbus/flow@1',
    name: 'Reply',
    trigger: { id: 'in', type: 'http', config: { path: '/orders', response } },
    steps: [],
  };
  return validateFlow(document, registry, { file: 'flows/reply.flow.json' });
}

describe('the HTTP trigger reply', () => {
  it('accepts literals, expressions and templates where they fit', () => {
    const response = {
      status: { $expr: 'payload.ok ? 200 : 422' },
      headers: { 'X-Order': { $template: 'order {{ payload.id }}' }, 'Cache-Control': 'no-store' },
      body: { $expr: '{ "accepted": payload.id }' },
    };
    expect(replyIssues(response)).toEqual([]);
  });

  it('reports an expression syntax error with its file, pointer, step and position', () => {
    expect(replyIssues({ body: { $expr: '{ "id": payload.(id }' } })).toEqual([
      {
        file: 'flows/reply.flow.json',
        pointer: '/trigger/config/response/body',
        stepId: 'in',
        code: 'expression-syntax',
        message: expect.stringMatching(/^expression syntax error at line 1, column \d+: /),
      },
    ]);
  });

  it.each([
    [99, /must be >= 100/],
    [600, /must be <= 599/],
    ['200', /expected an integer or an expression, got "200"/],
  ])('refuses the status %j', (status, message) => {
    const [issue, ...rest] = replyIssues({ status });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ pointer: '/trigger/config/response/status', stepId: 'in' });
    expect(issue!.message).toMatch(message);
  });

  it('refuses a template as the status: it always gives text', () => {
    expect(replyIssues({ status: { $template: '201' } })).toEqual([
      expect.objectContaining({ pointer: '/trigger/config/response/status', code: 'template-not-text' }),
    ]);
  });

  it('refuses a header name that is not an HTTP token, at the header', () => {
    expect(replyIssues({ headers: { 'X Order': 'a', 'X-Ok': 'b' } })).toEqual([
      expect.objectContaining({
        pointer: '/trigger/config/response/headers/X Order',
        message: expect.stringMatching(/^invalid header name "X Order": expected an HTTP token/),
      }),
    ]);
  });

  it('refuses a header value with a line break, which would smuggle in another header', () => {
    expect(replyIssues({ headers: { 'X-Note': 'a\r\nSet-Cookie: b' } })).toEqual([
      expect.objectContaining({
        pointer: '/trigger/config/response/headers/X-Note',
        message: expect.stringMatching(/^expected text without line breaks/),
      }),
    ]);
  });
});
