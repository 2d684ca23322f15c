/**
 * @module Which parts of the message an expression reads at its top level: `error.…` and `vars.<name>`, for
 * the flow validator's warnings. Read from the parsed JSONata tree, so text inside strings never counts.
 */
import { parseCached } from './parse-cache.js';
import { scanTemplate } from './template-scan.js';
import { isExpressionValue } from './value.js';

/** What one expression reads of the message it is evaluated against. */
export interface MessageReads {
  /** It reads `error` (or a field of it). */
  error: boolean;
  /** The variables it reads as `vars.<name>`, in the order they appear. */
  vars: string[];
}

type AstNode = { type?: string; value?: unknown; steps?: AstNode[]; [key: string]: unknown };

/**
 * The message reads of an expression value (`{"$expr"}` or `{"$template"}`), or of nothing for a literal or
 * an expression that does not parse (its syntax error is reported elsewhere).
 *
 * @example
 * messageReads({ $expr: 'error.message & vars.region' }); // { error: true, vars: ['region'] }
 */
export function messageReads(value: unknown): MessageReads {
  const reads: MessageReads = { error: false, vars: [] };
  if (!isExpressionValue(value)) return reads;
  const sources = '$expr' in value ? [value.$expr] : holeSources(value.$template);
  for (const source of sources) {
    const parsed = parseCached(source);
    if ('expression' in parsed) visit(parsed.expression.ast() as AstNode, reads);
  }
  return reads;
}

function holeSources(template: string): string[] {
  return scanTemplate(template).parts.flatMap((part) => (part.kind === 'hole' ? [part.source] : []));
}

/** Walks the tree; only the first step of a path is read from the message, later steps read its result. */
function visit(node: unknown, reads: MessageReads): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, reads);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as AstNode;
  if (ast.type === 'path' && Array.isArray(ast.steps)) {
    readPath(ast.steps, reads);
    return;
  }
  for (const child of Object.values(ast)) visit(child, reads);
}

function readPath(steps: AstNode[], reads: MessageReads): void {
  const [first, second] = steps;
  if (first?.type !== 'name') {
    // `$fn(...).field`, `(a; b).c`: the first step is evaluated against the message like any expression.
    if (first) visit(first, reads);
    return;
  }
  if (first.value === 'error') reads.error = true;
  if (first.value === 'vars' && second?.type === 'name' && typeof second.value === 'string') {
    if (!reads.vars.includes(second.value)) reads.vars.push(second.value);
  }
}
