/**
 * @module Compiled object constructors and group-by (`{ key: value }`, `a{ key: value }`), as jsonata's
 * `evaluateGroupExpression` builds them: items grouped by key in input order, one value per key.
 */
import type { AstNode, CompileNode, Evaluator } from './ast.js';
import type { EvaluationContext, Frame } from './context.js';
import { append, createSequence, fail } from './sequence.js';

interface Group {
  data: unknown;
  pair: number;
}

const RESERVED_KEYS = new Set(['_jsonata_lambda', '_jsonata_function']);

/** The keys when every one is a distinct string literal (the usual `{ 'a': x, 'b': y }`), else undefined. */
function literalKeys(pairs: Array<[AstNode, AstNode]>): string[] | undefined {
  const keys = pairs.map(([key]) => (key.type === 'string' && !key.predicate && !key.group ? key.value : undefined));
  const distinct = new Set(keys);
  if (keys.some((key) => typeof key !== 'string' || RESERVED_KEYS.has(key)) || distinct.size !== keys.length) {
    return undefined;
  }
  return keys as string[];
}

/** Compiles the key/value pairs of an object constructor into an evaluator of its input. */
export function compileGroup(pairs: Array<[AstNode, AstNode]>, compile: CompileNode): Evaluator {
  const keys = pairs.map(([key]) => compile(key));
  const values = pairs.map(([, value]) => compile(value));
  const literal = literalKeys(pairs);
  const grouped = groupItems(keys, values);
  if (!literal) return grouped;
  // One input item and distinct literal keys: one group per pair, in pair order (jsonata's own result).
  return (input, frame, context) => {
    if (Array.isArray(input)) return grouped(input, frame, context);
    const result: Record<string, unknown> = Object.create(null);
    for (let pair = 0; pair < literal.length; pair++) {
      const value = values[pair]!(input, frame, context);
      if (value !== undefined) result[literal[pair]!] = value;
    }
    return result;
  };
}

function groupItems(keys: Evaluator[], values: Evaluator[]): Evaluator {
  return (input, frame, context) => {
    const items: unknown[] = Array.isArray(input) ? input : createSequence(input);
    // As jsonata does: an empty input still yields one (undefined) item, so a literal object is built.
    if (items.length === 0) items.push(undefined);
    const groups: Record<string, Group> = Object.create(null);
    const perPair = new Array<number>(keys.length).fill(0);
    for (const item of items) {
      context.tick();
      for (let pair = 0; pair < keys.length; pair++) {
        const key = keys[pair]!(item, frame, context);
        if (typeof key !== 'string' && key !== undefined) fail('T1003', key);
        if (key === undefined) continue;
        if (RESERVED_KEYS.has(key)) fail('D1013', key);
        const existing = groups[key];
        if (existing === undefined) {
          groups[key] = { data: item, pair };
          perPair[pair]!++;
        } else if (existing.pair !== pair) {
          fail('D1009', key);
        } else {
          existing.data = append(existing.data, item);
        }
      }
    }
    // jsonata evaluates the groups' values concurrently; the depth bound already counts each pair once.
    return context.concurrently(Math.max(...perPair), () => evaluateGroups(groups, values, frame, context));
  };
}

function evaluateGroups(
  groups: Record<string, Group>,
  values: Evaluator[],
  frame: Frame,
  context: EvaluationContext,
): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(groups)) {
    const { data, pair } = groups[key]!;
    const value = values[pair]!(data, frame, context);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
