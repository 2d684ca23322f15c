/**
 * @module Finds the regex literals of a parsed JSONata expression that the linear-time engine cannot run.
 */
import type jsonata from 'jsonata';
import { unsupportedRegexReason } from '../regex/index.js';
import { lineColumn } from './position.js';
import { UNSUPPORTED_REGEX_CODE, type SourceSpan, type SyntaxProblem } from './errors.js';

function collectRegexNodes(node: unknown, found: jsonata.ExprNode[], seen: Set<object>): void {
  if (typeof node !== 'object' || node === null || node instanceof RegExp || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) collectRegexNodes(item, found, seen);
    return;
  }
  const expression = node as jsonata.ExprNode;
  // The typings say 'regexp'; the parser marks regex literals 'regex'. The value is what tells.
  if (expression.value instanceof RegExp) found.push(expression);
  for (const value of Object.values(node)) collectRegexNodes(value, found, seen);
}

/**
 * The 1-based position in the whole string of the construct at `offset` in the literal's pattern, when the
 * literal's text can be found; else JSONata's position of the literal (the index of its last character).
 */
function constructPosition(span: SourceSpan, literalEnd: number, regex: RegExp, offset: number): number {
  const end = span.offset + literalEnd;
  let slash = end - 1;
  while (slash > 0 && /[im]/.test(span.whole[slash]!)) slash--;
  const start = slash - regex.source.length;
  const written = span.whole.slice(start, slash) === regex.source && span.whole[start - 1] === '/';
  return written ? start + offset + 1 : end;
}

/**
 * Every regex literal in `ast` that RE2 cannot run (lookaround, backreferences, ...), as syntax problems
 * placed on the literal in the whole string.
 *
 * @example
 * findUnsupportedRegexes(jsonata('$match(s, /(?=a)/)').ast(), { whole: '$match(s, /(?=a)/)', offset: 0 });
 * // [{ code: 'RE2_UNSUPPORTED', line: 1, column: 17, reason: 'regex /(?=a)/ uses a lookahead ...' }]
 */
export function findUnsupportedRegexes(ast: jsonata.ExprNode, span: SourceSpan): SyntaxProblem[] {
  const nodes: jsonata.ExprNode[] = [];
  collectRegexNodes(ast, nodes, new Set());
  const problems: SyntaxProblem[] = [];
  for (const node of nodes) {
    const regex = node.value as RegExp;
    const unsupported = unsupportedRegexReason(regex);
    if (!unsupported) continue;
    const position = constructPosition(span, node.position ?? 0, regex, unsupported.offset);
    const reason = unsupported.reason;
    problems.push({ position, code: UNSUPPORTED_REGEX_CODE, reason, ...lineColumn(span.whole, position) });
  }
  return problems.sort((left, right) => left.position - right.position);
}
