/**
 * @module Issues put where they belong: on a config field, on a step or branch, or on the flow.
 */
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../api/types.js';
import { storyFlow, testCatalog } from '../testing/fixtures.js';
import { indexIssues } from './issues.js';

const issue = (pointer: string, code = 'x'): ValidationIssue => ({ pointer, code, message: `at ${pointer}` });

describe('indexIssues', () => {
  const index = indexIssues(
    [
      issue('/steps/0/config/value', 'expression-syntax'),
      issue('/steps/1/catch/0/config/errorTypes/0', 'invalid-value'),
      issue('/steps/1/catch'),
      issue('/steps/1/steps/0/config/a~1b'),
      issue('/steps/1/catch/0/steps/0'),
      issue('/name', 'missing-field'),
      issue('/trigger/config/bus'),
      issue(''),
    ],
    storyFlow(),
    testCatalog(),
  );

  it.each([
    ['a step\'s field', '/steps/0', 'value', '/steps/0/config/value'],
    ['a branch\'s field, below the field', '/steps/1/catch/0', 'errorTypes', '/steps/1/catch/0/config/errorTypes/0'],
    ['an escaped field name', '/steps/1/steps/0', 'a/b', '/steps/1/steps/0/config/a~1b'],
    ['the trigger\'s field', '/trigger', 'bus', '/trigger/config/bus'],
  ])('puts an issue of %s on its field', (_name, node, field, pointer) => {
    expect(index.byNode.get(node)!.fields.get(field)!.map((found) => found.pointer)).toEqual([pointer]);
  });

  it('puts issues about a node itself on the node, the innermost one that holds them', () => {
    expect(index.byNode.get('/steps/1')!.node.map((found) => found.pointer)).toEqual(['/steps/1/catch']);
    expect(index.byNode.get('/steps/1/catch/0/steps/0')!.node).toHaveLength(1);
    expect(index.byNode.get('/steps/1')!.count).toBe(1);
  });

  it('keeps issues outside every node for the flow, and counts them all', () => {
    expect(index.flow.map((found) => found.pointer)).toEqual(['/name', '']);
    expect(index.count).toBe(8);
  });
});

describe('indexIssues with warnings', () => {
  const warning = (pointer: string): ValidationIssue => ({ pointer, code: 'unset-variable', message: `warn ${pointer}`, severity: 'warning' });
  const index = indexIssues(
    [issue('/steps/0/config/value', 'expression-syntax')],
    storyFlow(),
    testCatalog(),
    [warning('/steps/0/config/value'), warning('/trigger/config/response/headers/X-Id')],
  );

  it('counts warnings apart from problems, on the node and for the flow', () => {
    expect(index.count).toBe(1);
    expect(index.warnings).toBe(2);
    expect(index.byNode.get('/steps/0')).toMatchObject({ count: 1, warnings: 1 });
    expect(index.byNode.get('/steps/0')!.fields.get('value')!.map((found) => found.severity)).toEqual([undefined, 'warning']);
  });

  it('lists problems first, each with its node and the field path below config', () => {
    expect(index.list.map(({ issue: listed, node, field }) => [listed.severity ?? 'error', node, field])).toEqual([
      ['error', '/steps/0', ['value']],
      ['warning', '/steps/0', ['value']],
      ['warning', '/trigger', ['response', 'headers', 'X-Id']],
    ]);
  });
});
