/**
 * @module Compiled object constructors and group-by (`{ key: value }`, `a{ key: value }`), as jsonata's
 * `evaluateGroupExpression` builds them: items grouped by key in input order, one value per key.
 */
import type { AstNode, CompileNode, Evaluator } from './ast.js';
import { append, createSequence, fail } from './sequence.js';

interface Group {
  data: unknown;
  pair: number;
}

/** Compiles the key/value pairs of an object constructor into an evaluator of its input. */
export function compileGroup(pairs: Array<[AstNode, AstNode]>, compile: CompileNode): Evaluator {
  const keys = pairs.map(([key]) => compile(key));
  const values = pairs.map(([, value]) => compile(value));
  return (input, frame, context) => {
    const items: unknown[] = Array.isArray(input) ? input : createSequence(input);
    // As jsonata does: an empty input still yields one (undefined) item, so a literal object is built.
    if (items.length === 0) items.push(undefined);
    const groups: Record<string, Group> = Object.create(null);
    for (const item of items) {
      context.tick();
      for (let pair = 0; pair < keys.length; pair++) {
        const key = keys[pair]!(item, frame, context);
        if (typeof key !== 'string' && key !== undefined) fail('T1003', key);
        if (key === undefined) continue;
        if (key === '_jsonata_lambda' || key === '_jsonata_function') fail('D1013', key);
        const existing = groups[key];
        if (existing === undefined) groups[key] = { data: item, pair };
        else if (existing.pair !== pair) fail('D1009', key);
        else existing.data = append(existing.data, item);
      }
    }
    const result: Record<string, unknown> = Object.create(null);
    const keysInOrder = Object.keys(groups);
    return context.concurrently(keysInOrder.length, () => {
      for (const key of keysInOrder) {
        const { data, pair } = groups[key]!;
        const value = values[pair]!(data, frame, context);
        if (value !== undefined) result[key] = value;
      }
      return result;
    });
  };
}
