/**
 * @module Keyboard shortcuts of the flow editor. Editing keys are ignored while typing in a field; Ctrl+S and
 * Ctrl+Enter work everywhere.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  save: () => void;
  undo: () => void;
  redo: () => void;
  run: () => void;
  remove: () => void;
  duplicate: () => void;
  copy: () => void;
  paste: () => void;
  move: (delta: -1 | 1) => void;
  add: () => void;
  clearSelection: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable;
}

/** Which handler a key press triggers, if any. */
export function shortcutFor(event: KeyboardEvent, typing: boolean): keyof ShortcutHandlers | ['move', -1 | 1] | undefined {
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (command && key === 's') return 'save';
  if (command && key === 'enter') return 'run';
  if (typing || document.querySelector('[role="dialog"]')) return undefined;
  if (command && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (command && key === 'y') return 'redo';
  if (command && key === 'd') return 'duplicate';
  if (command && key === 'c') return 'copy';
  if (command && key === 'v') return 'paste';
  if (event.altKey && (key === 'arrowup' || key === 'arrowdown')) return ['move', key === 'arrowup' ? -1 : 1];
  if (command || event.altKey) return undefined;
  if (key === 'delete' || key === 'backspace') return 'remove';
  if (key === 'a') return 'add';
  if (key === 'escape') return 'clearSelection';
  return undefined;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event, isTyping(event.target));
      if (!action) return;
      event.preventDefault();
      const handlers = current.current;
      if (Array.isArray(action)) handlers.move(action[1]);
      else if (action !== 'move') handlers[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
