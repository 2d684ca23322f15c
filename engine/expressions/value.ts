/**
 * @module Compiles any JSON value (a step's config) with its `$expr` / `$template` objects at any depth.
 */
import type { ExpressionValue } from '../flow/document.js';
import { joinPointer } from '../core/issues.js';
import { FlowbusError } from '../core/errors.js';
import type { EvaluationRun } from './bounds.js';
import { compileRunnableExpression } from './compile.js';
import { cloneLiteral } from './plain.js';
import { runBounded, type MaybePromise, type RunnableExpression } from './run.js';
import { compileRunnableTemplate } from './template.js';
import type { CompiledValue } from './types.js';

/**
 * Whether `value` is an expression object: exactly one key, `$expr` or `$template`, holding a string.
 *
 * @example
 * isExpressionValue({ $expr: 'payload.id' }); // true
 * isExpressionValue({ $expr: 'payload.id', note: 'x' }); // false: a literal object
 */
export function isExpressionValue(value: unknown): value is ExpressionValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const [key] = keys;
  const isString = typeof (value as Record<string, unknown>)[key] === 'string';
  return (key === '$expr' || key === '$template') && isString;
}

type ValueNode =
  | { kind: 'literal'; value: unknown }
  | { kind: 'expression'; expression: RunnableExpression }
  | { kind: 'array'; items: ValueNode[] }
  | { kind: 'object'; entries: Array<[string, ValueNode]> };

function compileExpressionValue(value: ExpressionValue, pointer: string): RunnableExpression {
  try {
    if ('$expr' in value) return compileRunnableExpression(value.$expr);
    return compileRunnableTemplate(value.$template);
  } catch (thrown) {
    if (!(thrown instanceof FlowbusError) || !pointer) throw thrown;
    throw new FlowbusError(thrown.type, `${thrown.message} (at ${pointer})`, { ...thrown.details, pointer });
  }
}

function isLiteral(node: ValueNode): boolean {
  return node.kind === 'literal';
}

function compileNode(value: unknown, pointer: string): ValueNode {
  if (isExpressionValue(value)) {
    return { kind: 'expression', expression: compileExpressionValue(value, pointer) };
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => compileNode(item, joinPointer(pointer, index)));
    if (items.every(isLiteral)) return { kind: 'literal', value: cloneLiteral(value) };
    return { kind: 'array', items };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([key, item]): [string, ValueNode] => [key, compileNode(item, joinPointer(pointer, key))],
    );
    if (entries.every(([, node]) => isLiteral(node))) return { kind: 'literal', value: cloneLiteral(value) };
    return { kind: 'object', entries };
  }
  return { kind: 'literal', value: cloneLiteral(value) };
}

/**
 * The value of `node`, synchronously as long as its expressions give their results so (compiled ones do); from
 * the first result that comes in a promise on, the rest follows it. One part after another either way: the
 * expressions share one time budget and `$uuid()` order stays predictable.
 */
function evaluateNode(node: ValueNode, input: unknown, run: EvaluationRun): MaybePromise<unknown> {
  switch (node.kind) {
    case 'literal':
      return cloneLiteral(node.value);
    case 'expression':
      return node.expression.evaluateInRun(input, run);
    case 'array':
      return itemsFrom(node.items, 0, [], input, run);
    case 'object':
      return entriesFrom(node.entries, 0, {}, input, run);
  }
}

function itemsFrom(nodes: ValueNode[], from: number, items: unknown[], input: unknown, run: EvaluationRun) {
  for (let index = from; index < nodes.length; index++) {
    const value = evaluateNode(nodes[index]!, input, run);
    if (value instanceof Promise) {
      return value.then((settled): MaybePromise<unknown[]> => {
        items.push(settled ?? null);
        return itemsFrom(nodes, index + 1, items, input, run);
      });
    }
    items.push(value ?? null);
  }
  return items;
}

function entriesFrom(
  entries: Array<[string, ValueNode]>,
  from: number,
  result: Record<string, unknown>,
  input: unknown,
  run: EvaluationRun,
): MaybePromise<Record<string, unknown>> {
  for (let index = from; index < entries.length; index++) {
    const [key, node] = entries[index]!;
    const value = evaluateNode(node, input, run);
    if (value instanceof Promise) {
      return value.then((settled) => {
        if (settled !== undefined) result[key] = settled;
        return entriesFrom(entries, index + 1, result, input, run);
      });
    }
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * Compiles every `$expr` / `$template` inside a JSON value. Evaluating builds a new value of the same
 * shape: an object key whose expression yields nothing is left out, an array item becomes `null`.
 * Throws `EXPRESSION:SYNTAX` for the first bad expression, with its JSON pointer in `details.pointer`.
 *
 * @example
 * const config = compileValue({ url: 'https://example.test', body: { id: { $expr: 'payload.id' } } });
 * await config.evaluate({ payload: { id: 7 }, attributes: {}, vars: {} });
 * // { url: 'https://example.test', body: { id: 7 } }
 */
export function compileValue(value: unknown): CompiledValue {
  const root = compileNode(value, '');
  if (root.kind === 'literal') {
    return { dynamic: false, evaluate: async () => cloneLiteral(root.value) };
  }
  const source = root.kind === 'expression' ? root.expression.source : JSON.stringify(value);
  const evaluateRoot = (input: unknown, run: EvaluationRun) => evaluateNode(root, input, run);
  return {
    dynamic: true,
    evaluate: (input, context) => runBounded(context, source, evaluateRoot, input),
  };
}
