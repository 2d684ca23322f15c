/**
 * @module A step type's icon on the canvas, in the picker and in the property panel: a line drawing chosen
 * by step type (else by category) on the category's colour.
 */
import { categoryColor } from './appearance.js';

/** 24×24 line drawings (stroke only), by name. */
const DRAWINGS: Record<string, string> = {
  bolt: 'M13 2 4 14h7l-1 8 9-12h-7z',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  send: 'M22 2 11 13M22 2l-7 20-4-9-9-4z',
  braces: 'M8 3c-2 0-3 1-3 3v3c0 1-1 2-2 3 1 1 2 2 2 3v3c0 2 1 3 3 3M16 3c2 0 3 1 3 3v3c0 1 1 2 2 3-1 1-2 2-2 3v3c0 2-1 3-3 3',
  eraser: 'M7 21h10M4 15l9-9 6 6-9 9H7z',
  reply: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 6 6v5',
  code: 'M8 6l-6 6 6 6M16 6l6 6-6 6',
  branch: 'M6 3v12M18 9a3 3 0 1 0 0-6a3 3 0 1 0 0 6M6 21a3 3 0 1 0 0-6a3 3 0 1 0 0 6M18 9c0 6-12 3-12 9',
  loop: 'M17 2l4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4M21 13v2a3 3 0 0 1-3 3H3',
  shield: 'M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z',
  alert: 'M12 3 2 21h20zM12 10v5M12 18v.5',
  lines: 'M4 6h16M4 12h16M4 18h10',
  chat: 'M21 12a8 8 0 0 1-12 7l-6 2 2-6a8 8 0 1 1 16-3z',
  mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
  link: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  box: 'M4 4h16v16H4z',
};

const BY_TYPE: Record<string, string> = {
  event: 'bolt',
  http: 'globe',
  'http-request': 'send',
  'set-variable': 'braces',
  'remove-variable': 'eraser',
  'set-payload': 'reply',
  transform: 'code',
  choice: 'branch',
  'for-each': 'loop',
  try: 'shield',
  'raise-error': 'alert',
  logger: 'lines',
  'flow-reference': 'link',
  email: 'mail',
};

const BY_CATEGORY: Record<string, string> = {
  trigger: 'bolt',
  variables: 'braces',
  'flow-control': 'branch',
  errors: 'shield',
  logging: 'lines',
  http: 'send',
  connector: 'chat',
};

/** The drawing of a step type: by type, then by category, else a plain box. */
export function drawingOf(type: string | undefined, category: string | undefined): string {
  return (type && BY_TYPE[type]) || (category && BY_CATEGORY[category]) || 'box';
}

export function StepIcon({ type, category, small = false }: { type?: string; category?: string; small?: boolean }) {
  const drawing = drawingOf(type, category);
  return (
    <span
      className={`step-icon${small ? ' step-icon-small' : ''}`}
      style={{ background: categoryColor(category) }}
      data-icon={drawing}
      aria-hidden="true"
    >
      <svg viewBox="0 0 24 24" width={small ? 14 : 18} height={small ? 14 : 18} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <path d={DRAWINGS[drawing]} />
      </svg>
    </span>
  );
}
