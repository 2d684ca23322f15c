/**
 * @module Compiled sorting: jsonata's stable merge sort (`fn.sort`) with its comparator call order, used by
 * `$sort` and by the order-by step `path^(<term, >term)`.
 */
import { Unsupported, type AstNode, type CompileNode } from './ast.js';
import type { EvaluationContext, Frame } from './context.js';
import { fail, isArrayOfNumbers } from './sequence.js';

/** Whether `right` must come before `left` (jsonata's comparators answer "swap?"). */
export type Swap = (left: unknown, right: unknown) => unknown;

function merge(left: unknown[], right: unknown[], swap: Swap, context: EvaluationContext): unknown[] {
  const merged: unknown[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length && r < right.length) {
    context.tick();
    if (swap(left[l], right[r])) merged.push(right[r++]);
    else merged.push(left[l++]);
  }
  while (l < left.length) merged.push(left[l++]);
  while (r < right.length) merged.push(right[r++]);
  return merged;
}

function mergeSort(items: unknown[], swap: Swap, context: EvaluationContext): unknown[] {
  if (items.length <= 1) return items;
  const middle = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, middle), swap, context);
  const right = mergeSort(items.slice(middle), swap, context);
  return merge(left, right, swap, context);
}

/** `fn.sort`: undefined stays undefined, one item is returned as it is, no comparator needs all numbers or all strings. */
export function sortItems(items: unknown[] | undefined, swap: Swap | undefined, context: EvaluationContext): unknown {
  if (items === undefined) return undefined;
  if (items.length <= 1) return items;
  if (!swap) {
    const strings = items.every((item) => typeof item === 'string');
    if (!isArrayOfNumbers(items) && !strings) fail('D3070');
    return mergeSort(items, (left, right) => (left as number) > (right as number), context);
  }
  return mergeSort(items, swap, context);
}

interface Term {
  descending: boolean;
  evaluate: ReturnType<CompileNode>;
}

/** The comparator of an order-by: terms in priority order, undefined last, T2008 / T2007 for bad types. */
function termComparator(terms: Term[], frame: Frame, context: EvaluationContext): Swap {
  return (a, b) => {
    let comparison = 0;
    for (let index = 0; comparison === 0 && index < terms.length; index++) {
      const term = terms[index]!;
      const left = term.evaluate(a, frame, context);
      const right = term.evaluate(b, frame, context);
      const leftType = typeof left;
      const rightType = typeof right;
      if (leftType === 'undefined') {
        comparison = rightType === 'undefined' ? 0 : 1;
        continue;
      }
      if (rightType === 'undefined') {
        comparison = -1;
        continue;
      }
      const comparable = (type: string): boolean => type === 'string' || type === 'number';
      if (!comparable(leftType) || !comparable(rightType)) fail('T2008', comparable(leftType) ? right : left);
      if (leftType !== rightType) fail('T2007', left);
      if (left === right) continue;
      comparison = (left as number) < (right as number) ? -1 : 1;
      if (term.descending) comparison = -comparison;
    }
    return comparison === 1;
  };
}

/** Compiles the sort of an order-by step (`path^(<term)`): sorts the whole context sequence. */
export function compileOrderBy(step: AstNode, compile: CompileNode) {
  const terms = (step.terms as Array<{ descending?: boolean; expression: AstNode }> | undefined) ?? [];
  if (terms.length === 0) throw new Unsupported('order-by without terms');
  const compiled: Term[] = terms.map((term) => ({ descending: term.descending === true, evaluate: compile(term.expression) }));
  return (input: unknown[], frame: Frame, context: EvaluationContext): unknown =>
    sortItems(input, termComparator(compiled, frame, context), context);
}
