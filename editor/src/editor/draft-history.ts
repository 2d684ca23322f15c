/**
 * @module Undo and redo of the draft: every change is a state; typing into one field within a moment is one.
 */
import type { DraftFlow } from '../model/draft.js';

export interface DraftHistory {
  past: DraftFlow[];
  present: DraftFlow;
  future: DraftFlow[];
  /** What the last change was (e.g. `field:/steps/0:value`), to merge a run of keystrokes into one step. */
  lastKey?: string;
  lastAt: number;
}

export type HistoryAction =
  | { type: 'change'; draft: DraftFlow; key?: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; draft: DraftFlow };

/** Changes with the same key closer together than this merge into one undo step. */
export const MERGE_WINDOW_MS = 1200;

/** How many states undo keeps. */
export const HISTORY_LIMIT = 200;

export function initialHistory(draft: DraftFlow): DraftHistory {
  return { past: [], present: draft, future: [], lastAt: 0 };
}

/**
 * @example
 * const [history, dispatch] = useReducer(historyReducer, draft, initialHistory);
 */
export function historyReducer(state: DraftHistory, action: HistoryAction): DraftHistory {
  switch (action.type) {
    case 'change': {
      if (action.draft === state.present) return state;
      const merge = action.key !== undefined && action.key === state.lastKey && action.at - state.lastAt < MERGE_WINDOW_MS;
      const past = merge ? state.past : [...state.past, state.present].slice(-HISTORY_LIMIT);
      return { past, present: action.draft, future: [], lastKey: action.key, lastAt: action.at };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], lastAt: 0 };
    }
    case 'redo': {
      const [next, ...future] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future, lastAt: 0 };
    }
    case 'reset':
      return initialHistory(action.draft);
  }
}
