/**
 * @module Tests of the JSON walk: every object, arrays looked through, only the children asked for, and a
 * document deeper than the call stack.
 */
import { expect, it } from 'vitest';
import { objectsIn } from './walk.js';

it('yields every object, the root first, looking through arrays and skipping scalars', () => {
  const document = { a: [{ b: 1 }, [{ c: { d: 'x' } }]], e: 'text', f: null };
  const seen = [...objectsIn(document)].map((record) => Object.keys(record).join(','));
  expect(seen[0]).toBe('a,e,f');
  expect(seen.slice(1).sort()).toEqual(['b', 'c', 'd']);
});

it('walks below an object only the children given', () => {
  const document = { steps: [{ id: 's1', config: { id: 'not-a-step' } }] };
  const ids = [...objectsIn(document, (record) => Object.entries(record).flatMap(([key, child]) => (key === 'config' ? [] : [child])))]
    .map((record) => record.id)
    .filter(Boolean);
  expect(ids).toEqual(['s1']);
});

it('walks a document nested 100000 deep', () => {
  let deep: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < 100_000; level++) deep = { next: deep };
  let count = 0;
  for (const _record of objectsIn(deep)) count++;
  expect(count).toBe(100_001);
});
