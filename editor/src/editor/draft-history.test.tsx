/**
 * @module Undo and redo: each change one step, a burst of typing in one field merged into one.
 */
import { describe, expect, it } from 'vitest';
import { blankFlow } from '../model/draft.js';
import { historyReducer, initialHistory, MERGE_WINDOW_MS } from './draft-history.js';

const named = (name: string) => blankFlow(name);

describe('historyReducer', () => {
  it('undoes and redoes changes in order; a new change drops the redo list', () => {
    let state = initialHistory(named('a'));
    state = historyReducer(state, { type: 'change', draft: named('b'), at: 1 });
    state = historyReducer(state, { type: 'change', draft: named('c'), at: 2 });
    state = historyReducer(state, { type: 'undo' });
    expect(state.present.name).toBe('b');
    state = historyReducer(state, { type: 'undo' });
    expect(state.present.name).toBe('a');
    expect(historyReducer(state, { type: 'undo' })).toBe(state);
    state = historyReducer(state, { type: 'redo' });
    expect(state.present.name).toBe('b');
    state = historyReducer(state, { type: 'change', draft: named('d'), at: 3 });
    expect(state.future).toEqual([]);
    expect(historyReducer(state, { type: 'redo' })).toBe(state);
  });

  it('merges quick changes of the same field into one undo step, not slower ones or other fields', () => {
    let state = initialHistory(named(''));
    for (const [index, name] of ['c', 'ca', 'cat'].entries()) {
      state = historyReducer(state, { type: 'change', draft: named(name), key: 'flow:name', at: 1000 + index * 100 });
    }
    expect(state.past.map((draft) => draft.name)).toEqual(['']);
    state = historyReducer(state, { type: 'change', draft: named('cats'), key: 'flow:name', at: 1200 + MERGE_WINDOW_MS });
    state = historyReducer(state, { type: 'change', draft: named('other'), key: 'flow:description', at: 1300 + MERGE_WINDOW_MS });
    expect(state.past.map((draft) => draft.name)).toEqual(['', 'cat', 'cats']);
  });

  it('starts over on reset (a file loaded or reloaded from disk)', () => {
    let state = historyReducer(initialHistory(named('a')), { type: 'change', draft: named('b'), at: 1 });
    state = historyReducer(state, { type: 'reset', draft: named('disk') });
    expect(state).toMatchObject({ past: [], future: [], present: { name: 'disk' } });
  });
});
