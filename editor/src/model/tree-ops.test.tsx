/**
 * @module Edits of the step tree: new steps and branches, insert, remove, move (also across scopes),
 * duplicate with fresh ids, and config fields; untouched parts stay the same objects.
 */
import { describe, expect, it } from 'vitest';
import { storyFlow, testCatalog } from '../testing/fixtures.js';
import { getAt } from './paths.js';
import { duplicateNode, insertNode, moveBy, moveNode, newStep, removeNode, setConfigField, setNodeKey } from './tree-ops.js';
import { usedIds } from './walk.js';

const catalog = testCatalog();
const manifest = (type: string) => catalog.get(type)!;
const ids = (steps: unknown) => (steps as Array<{ id: string }>).map((step) => step.id);

describe('newStep', () => {
  it('makes an id from the title that is unused in the flow', () => {
    const taken = new Set(['set-variable', 'set-variable-2']);
    expect(newStep(manifest('set-variable'), taken)).toEqual({ id: 'set-variable-3', type: 'set-variable' });
    expect(taken.has('set-variable-3')).toBe(true);
  });

  it('gives a scope its lists and the one branch each branches part needs, leaving optional lists out', () => {
    expect(newStep(manifest('try'), new Set())).toEqual({ id: 'try', type: 'try', steps: [], catch: [{ id: 'catch', steps: [] }] });
    // A Choice's `otherwise` is optional and left out.
    expect(newStep(manifest('choice'), new Set(['when']))).toEqual({ id: 'choice', type: 'choice', when: [{ id: 'when-2', steps: [] }] });
    expect(newStep(manifest('for-each'), new Set())).toEqual({ id: 'for-each', type: 'for-each', steps: [] });
  });
});

describe('tree edits', () => {
  it('inserts into any list, creating it when absent, and clamps the index', () => {
    const step = { id: 'x', type: 'logger' };
    const inCatch = insertNode(storyFlow(), ['steps', 1, 'catch', 0, 'steps'], 0, step);
    expect(ids(getAt(inCatch.draft, ['steps', 1, 'catch', 0, 'steps']))).toEqual(['x', 'log-error']);
    expect(inCatch.path).toEqual(['steps', 1, 'catch', 0, 'steps', 0]);
    const atEnd = insertNode(storyFlow(), ['steps'], 99, step);
    expect(atEnd.path).toEqual(['steps', 2]);
    const created = insertNode({ format: 'flowbus/flow@1', name: 'x' }, ['steps'], 0, step);
    expect(created.draft.steps).toEqual([step]);
  });

  it('keeps every untouched part the same object, so that it is written back as it was read', () => {
    const draft = storyFlow();
    const next = setConfigField(draft, ['steps', 0], 'name', 'renamed');
    expect(next.trigger).toBe(draft.trigger);
    expect(next.steps![1]).toBe(draft.steps![1]);
    expect(next.steps![0]!.config).toEqual({ name: 'renamed', value: { $expr: 'payload.subject' } });
    expect(draft.steps![0]!.config!.name).toBe('body');
  });

  it('removes a config left empty and a key set to undefined', () => {
    let draft = setConfigField(storyFlow(), ['steps', 1, 'catch', 0, 'steps', 0], 'level', undefined);
    expect(getAt(draft, ['steps', 1, 'catch', 0, 'steps', 0])).toEqual({ id: 'log-error', type: 'logger' });
    draft = setNodeKey(draft, ['steps', 0], 'name', 'Keep');
    draft = setNodeKey(draft, ['steps', 0], 'name', undefined);
    expect(Object.keys(draft.steps![0]!)).toEqual(['id', 'type', 'config']);
  });

  it('moves a step into a scope, adjusting for the place it left', () => {
    const moved = moveNode(storyFlow(), ['steps', 0], ['steps', 1, 'steps'], 1)!;
    expect(ids(moved.draft.steps)).toEqual(['send-guard']);
    expect(ids(getAt(moved.draft, ['steps', 0, 'steps']))).toEqual(['send', 'body']);
    expect(moved.path).toEqual(['steps', 0, 'steps', 1]);
  });

  it('moves a step out of a scope and down its own list', () => {
    const out = moveNode(storyFlow(), ['steps', 1, 'steps', 0], ['steps'], 0)!;
    expect(ids(out.draft.steps)).toEqual(['send', 'body', 'send-guard']);
    const withThree = insertNode(storyFlow(), ['steps'], 2, { id: 'end', type: 'logger' }).draft;
    const down = moveNode(withThree, ['steps', 0], ['steps'], 3)!;
    expect(ids(down.draft.steps)).toEqual(['send-guard', 'end', 'body']);
    expect(down.path).toEqual(['steps', 2]);
  });

  it.each([
    ['onto its own place', ['steps', 0], ['steps'], 0],
    ['right after itself', ['steps', 0], ['steps'], 1],
    ['into itself', ['steps', 1], ['steps', 1, 'steps'], 0],
    ['into its own Catch', ['steps', 1], ['steps', 1, 'catch', 0, 'steps'], 1],
  ] as const)('refuses a move %s', (_name, from, list, index) => {
    expect(moveNode(storyFlow(), from, list, index)).toBeUndefined();
  });

  it('moves up and down within a list, and not past its ends', () => {
    const down = moveBy(storyFlow(), ['steps', 0], 1)!;
    expect(ids(down.draft.steps)).toEqual(['send-guard', 'body']);
    expect(down.path).toEqual(['steps', 1]);
    expect(moveBy(storyFlow(), ['steps', 0], -1)).toBeUndefined();
    expect(moveBy(storyFlow(), ['steps', 1], 1)).toBeUndefined();
  });

  it('duplicates a scope with new ids for it and everything inside, configs copied as they are', () => {
    const draft = storyFlow();
    const copy = duplicateNode(draft, ['steps', 1], usedIds(draft, catalog))!;
    const duplicate = getAt(copy.draft, ['steps', 2]) as Record<string, any>;
    expect(copy.path).toEqual(['steps', 2]);
    expect(duplicate.id).toBe('send-guard-2');
    expect(duplicate.steps[0].id).toBe('send-2');
    expect(duplicate.catch[0].id).toBe('on-any-error-2');
    expect(duplicate.catch[0].steps[0].id).toBe('log-error-2');
    expect(duplicate.catch[0].config).toEqual({ errorTypes: ['ANY'] });
    expect(duplicate.catch[0].config).not.toBe(draft.steps![1]!.catch);
    expect(new Set(usedIds(copy.draft, catalog)).size).toBe(10);
  });

  it('removes a step or a branch', () => {
    expect(ids(removeNode(storyFlow(), ['steps', 0]).steps)).toEqual(['send-guard']);
    expect(getAt(removeNode(storyFlow(), ['steps', 1, 'catch', 0]), ['steps', 1, 'catch'])).toEqual([]);
    const draft = storyFlow();
    expect(removeNode(draft, ['trigger'])).toBe(draft);
  });
});
