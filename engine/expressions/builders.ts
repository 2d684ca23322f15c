/**
 * @module `$pad`, `$join` and `$replace` with the value bound checked before they build their string.
 *
 * The per-node hook sees a result only once it exists; these functions can build one far larger than their
 * arguments (`$pad("", 200000000)`), so their result size is worked out, or tracked, while they run.
 */
import jsonata from 'jsonata';
import { RUN_KEY, type EvaluationRun } from './bounds.js';
import { BoundExceeded } from './errors.js';

type Implementation = (this: jsonata.Focus, ...args: never[]) => unknown;

/** JSONata's own implementations, read once from its built-in function objects. */
const builtin = (await jsonata('{ "pad": $pad, "join": $join, "replace": $replace }').evaluate({})) as Record<
  'pad' | 'join' | 'replace',
  { implementation: Implementation }
>;

function runOf(focus: jsonata.Focus): EvaluationRun | undefined {
  return focus.environment.lookup(RUN_KEY) as EvaluationRun | undefined;
}

function refuse(run: EvaluationRun | undefined, size: number): void {
  if (run && size > run.limits.valueBytes) throw new BoundExceeded('value', run.limits.valueBytes, size);
}

function pad(this: jsonata.Focus, text: string | undefined, width: number, char?: string): unknown {
  refuse(runOf(this), Math.abs(Math.trunc(width)));
  return (builtin.pad.implementation as Implementation).call(this, ...([text, width, char] as never[]));
}

function join(this: jsonata.Focus, texts: string[] | undefined, separator?: string): unknown {
  const run = runOf(this);
  if (run && texts !== undefined) {
    let size = Math.max(0, texts.length - 1) * (separator?.length ?? 0);
    for (const text of texts) size += typeof text === 'string' ? text.length : 0;
    refuse(run, size);
  }
  return (builtin.join.implementation as Implementation).call(this, ...([texts, separator] as never[]));
}

interface RegexMatch {
  match: string;
  groups: string[];
}

/** The text a string replacement gives for one match, read as JSONata reads it: `$0`, `$n`, `$$`. */
export function substitute(replacement: string, found: RegexMatch): string {
  let text = '';
  let position = 0;
  let index = replacement.indexOf('$');
  while (index !== -1 && position < replacement.length) {
    text += replacement.substring(position, index);
    position = index + 1;
    const next = replacement.charAt(position);
    if (next === '$' || next === '0') {
      text += next === '$' ? '$' : found.match;
      position++;
    } else {
      const { groups } = found;
      const digits = groups.length === 0 ? 1 : Math.floor(Math.log(groups.length) * Math.LOG10E) + 1;
      let group = parseInt(replacement.substring(position, position + digits), 10);
      if (digits > 1 && group > groups.length) {
        group = parseInt(replacement.substring(position, position + digits - 1), 10);
      }
      if (Number.isNaN(group)) text += '$';
      else {
        text += groups[group - 1] ?? '';
        position += String(group).length;
      }
    }
    index = replacement.indexOf('$', position);
  }
  return text + replacement.substring(position);
}

function countOccurrences(text: string, pattern: string, limit: number | undefined): number {
  let matches = 0;
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + pattern.length)) {
    if (limit !== undefined && matches >= limit) break;
    matches++;
  }
  return matches;
}

function replace(
  this: jsonata.Focus,
  text: string | undefined,
  pattern: unknown,
  replacement: unknown,
  limit?: number,
): unknown {
  const run = runOf(this);
  let replacer = replacement;
  if (run && typeof text === 'string' && typeof replacement === 'string') {
    if (typeof pattern === 'string' && pattern !== '') {
      // A string pattern is replaced by the replacement as is: the size is known before building anything.
      const matches = countOccurrences(text, pattern, limit);
      refuse(run, text.length + matches * (replacement.length - pattern.length));
    } else if (typeof pattern !== 'string') {
      // A regex: `$0` and groups make each piece differ, so the size is counted as the result grows.
      let size = text.length;
      replacer = (found: RegexMatch) => {
        const piece = substitute(replacement, found);
        size += piece.length - found.match.length;
        refuse(run, size);
        return piece;
      };
    }
  }
  const args = [text, pattern, replacer, limit];
  return (builtin.replace.implementation as Implementation).call(this, ...(args as never[]));
}

/** Registers the bounded builders on a compiled expression (once, at compile time). */
export function installBuilders(expression: jsonata.Expression): void {
  expression.registerFunction('pad', pad, '<s-ns?:s>');
  expression.registerFunction('join', join, '<a<s>s?:s>');
  expression.registerFunction('replace', replace, '<s-(sf)(sf)n?:s>');
}
