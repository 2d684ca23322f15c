/**
 * @module What the f(x) editor completes at the cursor: the message's parts (`payload`, `vars`, `attributes`,
 * `error` inside a Catch), the fields found in the sample message below a typed path, variables set by
 * earlier steps under `vars.`, and the built-in functions after `$`.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n.js';
import { JSONATA_FUNCTIONS } from './jsonata-functions.js';

export interface CompletionSources {
  /** The message previews use; its fields are offered. */
  message?: Record<string, unknown>;
  /** Names given by Set Variable steps before this one. */
  variables: string[];
}

const MESSAGE_PARTS = ['payload', 'attributes', 'vars'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

/** The value at the dotted `path` of the message (array items looked into by their first element). */
function valueAt(message: Record<string, unknown> | undefined, path: string[]): unknown {
  let value: unknown = message;
  for (const key of path) {
    if (Array.isArray(value)) value = value[0];
    value = isRecord(value) ? value[key] : undefined;
  }
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Completions for the text `typed` before the cursor (a path like `payload.sub` or a name like `$up`), their
 * details in the UI language.
 */
export function completionsFor(typed: string, sources: CompletionSources, t: TFunction = i18n.t): Completion[] {
  if (typed.startsWith('$')) {
    return JSONATA_FUNCTIONS.map((fn) => ({ label: fn.name, type: 'function', detail: fn.signature, info: t(`jsonataFunctions.${fn.name.slice(1)}`), apply: `${fn.name}(` }));
  }
  const parts = typed.split('.');
  if (parts.length === 1) {
    const message = sources.message;
    const top: Completion[] = MESSAGE_PARTS.map((part) => ({ label: part, detail: t(`completions.${part}`), type: 'variable' }));
    if (message && 'error' in message) top.push({ label: 'error', detail: t('completions.error'), type: 'variable' });
    return top;
  }
  const path = parts.slice(0, -1);
  const options = new Map<string, Completion>();
  const found = valueAt(sources.message, path);
  if (isRecord(found)) {
    for (const [key, value] of Object.entries(found)) options.set(key, { label: key, type: 'property', detail: kindOf(value) });
  }
  if (path.length === 1 && path[0] === 'vars') {
    for (const name of sources.variables) if (!options.has(name)) options.set(name, { label: name, type: 'property', detail: t('completions.setEarlier') });
  }
  return [...options.values()];
}

/** A CodeMirror completion source over {@link completionsFor}; `sources` is read when completing. */
export function messageCompletionSource(sources: () => CompletionSources) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/\$?[\w.]*$/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const options = completionsFor(word.text, sources());
    if (options.length === 0) return null;
    const lastDot = word.text.lastIndexOf('.');
    return { from: lastDot >= 0 ? word.from + lastDot + 1 : word.from, options, validFor: /^\$?\w*$/ };
  };
}
