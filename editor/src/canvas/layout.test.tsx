/**
 * @module The computed layout: top to bottom from the trigger, scopes framed with a column per part and
 * branch, a "+" on every connection, straight connections, and nothing outside its frame or overlapping.
 */
import { describe, expect, it } from 'vitest';
import { blankFlow } from '../model/draft.js';
import { storyFlow, testCatalog } from '../testing/fixtures.js';
import { dropSlotFor } from './drop-slot.js';
import { layoutFlow, SIZES, type Box } from './layout.js';

const catalog = testCatalog();

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutFlow', () => {
  const layout = layoutFlow(storyFlow(), catalog);
  const node = (id: string) => layout.nodes.find((candidate) => candidate.id === id)!;
  const box = (id: string) => layout.boxes.get(id)!;

  it('draws the trigger, the steps and the Try frame with its Try and Catch columns', () => {
    expect(layout.nodes.map((candidate) => `${candidate.type} ${candidate.id}`)).toEqual([
      'trigger /trigger',
      'step /steps/0',
      'scope /steps/1',
      'lane /steps/1/steps:start',
      'step /steps/1/steps/0',
      'end /steps/1/steps:end',
      'lane /steps/1/catch/0/steps:start',
      'step /steps/1/catch/0/steps/0',
      'end /steps/1/catch/0/steps:end',
      'add-branch /steps/1/catch:add',
      'end /steps:end',
    ]);
    expect(node('/steps/1/steps/0').parentId).toBe('/steps/1');
    expect(node('/steps/1/catch/0/steps:start').data).toMatchObject({ title: 'Catch · on-any-error', branch: ['steps', 1, 'catch', 0] });
  });

  it('puts a "+" on every connection, named for where it inserts', () => {
    expect(layout.edges.map((edge) => [edge.source, edge.target, edge.data!.label, edge.data!.index])).toEqual([
      ['/trigger', '/steps/0', 'Add a step after on-alarm', 0],
      ['/steps/0', '/steps/1', 'Add a step after body', 1],
      ['/steps/1/steps:start', '/steps/1/steps/0', 'Add a step to Try of send-guard', 0],
      ['/steps/1/steps/0', '/steps/1/steps:end', 'Add a step after send', 1],
      ['/steps/1/catch/0/steps:start', '/steps/1/catch/0/steps/0', 'Add a step to Catch on-any-error', 0],
      ['/steps/1/catch/0/steps/0', '/steps/1/catch/0/steps:end', 'Add a step after log-error', 1],
      ['/steps/1', '/steps:end', 'Add a step after send-guard', 2],
    ]);
  });

  it('keeps connected nodes centred on one line, so that connections are straight and point down', () => {
    for (const edge of layout.edges) {
      const source = box(edge.source);
      const target = box(edge.target);
      expect(source.x + source.w / 2).toBeCloseTo(target.x + target.w / 2);
      expect(target.y).toBeGreaterThan(source.y + source.h);
    }
  });

  it('keeps children inside their frame, parents before children, and siblings apart', () => {
    const seen = new Set<string>();
    for (const candidate of layout.nodes) {
      if (candidate.parentId) {
        expect(seen.has(candidate.parentId)).toBe(true);
        expect(inside(box(candidate.id), box(candidate.parentId))).toBe(true);
      }
      seen.add(candidate.id);
    }
    const siblings = layout.nodes.filter((candidate) => candidate.parentId === '/steps/1');
    for (const [index, left] of siblings.entries()) {
      for (const right of siblings.slice(index + 1)) expect(overlap(box(left.id), box(right.id))).toBe(false);
    }
    expect(box('/steps/1').w).toBe(2 * SIZES.pad + 2 * SIZES.step.w + SIZES.addBranch.w + 2 * SIZES.columnGap);
  });

  it('offers a drop slot on each connection, and finds the one a step is dragged to', () => {
    expect(layout.slots).toHaveLength(layout.edges.length);
    const target = layout.slots.find((slot) => slot.list.join('/') === 'steps/1/catch/0/steps' && slot.index === 1)!;
    const body = node('/steps/0');
    const from = box('/steps/0');
    const position = { x: body.position.x + (target.x - (from.x + from.w / 2)), y: body.position.y + (target.y - from.y - 32) };
    expect(dropSlotFor(layout, '/steps/0', ['steps', 0], position)).toEqual(target);
    // Dropped where it was: no move.
    expect(dropSlotFor(layout, '/steps/0', ['steps', 0], body.position)).toBeUndefined();
    // A scope cannot be dropped inside itself.
    const frame = node('/steps/1');
    const own = layout.slots.find((slot) => slot.list.join('/') === 'steps/1/steps' && slot.index === 0)!;
    const frameBox = box('/steps/1');
    const onOwn = { x: frame.position.x + own.x - (frameBox.x + frameBox.w / 2), y: frame.position.y + own.y - frameBox.y - 32 };
    expect(dropSlotFor(layout, '/steps/1', ['steps', 1], onOwn)?.list).not.toEqual(['steps', 1, 'steps']);
  });

  it('draws a flow without a trigger as a "Choose a trigger" card and an empty list', () => {
    const empty = layoutFlow(blankFlow('new'), catalog);
    expect(empty.nodes.map((candidate) => candidate.id)).toEqual(['/trigger', '/steps:end']);
    expect(empty.nodes[0]!.data).toEqual({ kind: 'trigger', path: ['trigger'] });
    expect(empty.edges[0]!.data!.label).toBe('Add the first step');
  });

  it('guesses the parts of a scope whose type the server does not know', () => {
    const draft = { ...storyFlow(), steps: [{ id: 'loop', type: 'vendor-loop', body: [{ id: 'inner', type: 'logger' }] }] };
    const guessed = layoutFlow(draft, catalog);
    expect(guessed.nodes.find((candidate) => candidate.id === '/steps/0')!.type).toBe('scope');
    expect(guessed.nodes.find((candidate) => candidate.id === '/steps/0/body/0')!.parentId).toBe('/steps/0');
  });
});
