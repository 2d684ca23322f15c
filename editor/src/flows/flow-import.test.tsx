/**
 * @module Reading an imported flow file, the id it gets on the flow list, and the step ids made unique.
 */
import { describe, expect, it } from 'vitest';
import { flowIdProblem, importedFlowId, readFlowFile, renamedIds, withUniqueStepIds } from './flow-import.js';

describe('importing a flow file', () => {
  it.each([
    ['{"trigger": {"id": "t", "type": "http"}, "steps": []}', 'document'],
    ['{"steps": [{"id": "a", "type": "logger"}]}', 'document'],
    ['{"name": "no trigger, no steps"}', 'not-flow'],
    ['[1, 2]', 'not-flow'],
    ['{"steps": [', 'not-json'],
  ])('reads %s as %s', (text, kind) => {
    const read = readFlowFile(text);
    expect('document' in read ? 'document' : read.problem).toBe(kind);
  });

  it('says where the JSON breaks', () => {
    const read = readFlowFile('{"steps": [');
    expect(read).toMatchObject({ problem: 'not-json', detail: expect.stringMatching(/JSON/) });
  });

  it('takes the id from the file name, made unique against the flows and drafts listed', () => {
    expect(importedFlowId('orders.flow.json', new Set())).toBe('orders');
    expect(importedFlowId('orders.flow.json', new Set(['orders']))).toBe('orders-2');
    expect(importedFlowId('My Orders.json', new Set(['my-orders', 'my-orders-2']))).toBe('my-orders-3');
  });

  it.each([
    ['orders', undefined],
    ['taken', 'taken'],
    ['Bad Id', 'invalid'],
    ['', 'invalid'],
  ])('judges the flow id %j: %s', (id, problem) => {
    expect(flowIdProblem(id, new Set(['taken']))).toBe(problem);
  });

  it('lists the step ids that were made unique, nested ones included', () => {
    const imported = [{ id: 'guard', type: 'try', steps: [{ id: 'send', type: 'http-request', config: { id: 'not-a-step' } }] }, { id: 'log', type: 'logger' }];
    const copies = [{ id: 'guard-2', type: 'try', steps: [{ id: 'send-2', type: 'http-request', config: { id: 'not-a-step' } }] }, { id: 'log', type: 'logger' }];
    expect(renamedIds(imported, copies)).toEqual(['send → send-2', 'guard → guard-2']);
  });

  it('makes the step ids of an imported file unique in it, the trigger\'s too, and leaves a clean file alone', () => {
    const trigger = { id: 'request', type: 'http', config: { path: '/x' } };
    const head = { format: 'flowbus/flow@1', name: 'Imported' };
    const repeated = { ...head, trigger, steps: [{ id: 'note', type: 'logger' }, { id: 'request', type: 'logger' }, { id: 'note', type: 'logger' }] };
    const { document, renamed } = withUniqueStepIds(repeated);
    expect((document.steps as Array<{ id: string }>).map((step) => step.id)).toEqual(['note', 'request-2', 'note-2']);
    expect(renamed).toEqual(['request → request-2', 'note → note-2']);
    const clean = { ...head, trigger, steps: [{ id: 'a', type: 'logger' }] };
    expect(withUniqueStepIds(clean)).toEqual({ document: clean, renamed: [] });
  });
});
