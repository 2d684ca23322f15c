/**
 * @module Splits a string template into literal text and `{{ jsonata }}` holes.
 *
 * A hole ends at the first `}}` outside JSONata strings, quoted names, comments and object braces, so
 * `{{ {'a': {'b': 1}} }}` is one hole. A literal `{{` is written `{{ '{{' }}`; a `}}` outside a hole is text.
 */

/** Literal text, or a hole with the index in the template where its JSONata text starts. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'hole'; source: string; offset: number };

export interface TemplateScan {
  parts: TemplatePart[];
  /** Index of a `{{` that is never closed; the parts then stop before it. */
  unclosedAt?: number;
}

/** Index of the quote closing the one at `start`, or -1. Backquoted names have no escapes. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index++) {
    if (quote !== '`' && text[index] === '\\') index++;
    else if (text[index] === quote) return index;
  }
  return -1;
}

/** Index of the `}}` closing a hole whose JSONata text starts at `start`, or -1. */
function holeEnd(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      index = closingQuote(text, index);
      if (index === -1) return -1;
    } else if (char === '/' && text[index + 1] === '*') {
      const commentEnd = text.indexOf('*/', index + 2);
      if (commentEnd === -1) return -1;
      index = commentEnd + 1;
    } else if (char === '{') {
      depth++;
    } else if (char === '}') {
      if (depth === 0 && text[index + 1] === '}') return index;
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/**
 * Splits a template into its parts.
 *
 * @example
 * scanTemplate('Hi {{ payload.name }}!').parts;
 * // [{ kind: 'text', text: 'Hi ' }, { kind: 'hole', source: ' payload.name ', offset: 5 },
 * //  { kind: 'text', text: '!' }]
 */
export function scanTemplate(template: string): TemplateScan {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < template.length) {
    const open = template.indexOf('{{', cursor);
    if (open === -1) break;
    if (open > cursor) parts.push({ kind: 'text', text: template.slice(cursor, open) });
    const end = holeEnd(template, open + 2);
    if (end === -1) return { parts, unclosedAt: open };
    parts.push({ kind: 'hole', source: template.slice(open + 2, end), offset: open + 2 });
    cursor = end + 2;
  }
  if (cursor < template.length) parts.push({ kind: 'text', text: template.slice(cursor) });
  return { parts };
}
