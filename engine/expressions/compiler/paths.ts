/**
 * @module Compiled paths, as jsonata's `evaluatePath` / `evaluateStep` / `evaluateFilter` run them: the
 * context sequence, flattening between steps, predicates and indexes, `keepArray` (`[]`), `*` and `**`.
 */
import { booleanOf } from './operators.js';
import { rejectTupleFlags, Unsupported, type AstNode, type CompileNode, type Evaluator } from './ast.js';
import type { EvaluationContext, Frame } from './context.js';
import { compileGroup } from './group.js';
import { compileOrderBy } from './sort.js';
import {
  append,
  createSequence,
  isArrayOfNumbers,
  isFunction,
  isNumeric,
  isSequence,
  type Sequence,
} from './sequence.js';

/** A filter stage: keeps the items of `input` the predicate selects. */
export type Filter = Evaluator;

/** Compiles one `[ predicate ]`, the literal-number index case included. */
export function compileFilter(stage: AstNode, compile: CompileNode): Filter {
  if (stage.type !== 'filter') throw new Unsupported(`${stage.type} stage`);
  const predicate = stage.expr!;
  if (predicate.type === 'number') {
    const literal = Math.floor(predicate.value as number);
    return (input) => {
      const items = Array.isArray(input) ? input : createSequence(input);
      const index = literal < 0 ? items.length + literal : literal;
      const item = items[index];
      if (item === undefined) return createSequence();
      if (Array.isArray(item)) return item;
      return createSequence(item);
    };
  }
  const test = compile(predicate);
  return (input, frame, context) => {
    const results = createSequence();
    const items = Array.isArray(input) ? input : createSequence(input);
    for (let index = 0; index < items.length; index++) {
      context.tick();
      const item = items[index];
      let result = test(item, frame, context);
      if (isNumeric(result)) result = [result];
      if (isArrayOfNumbers(result)) {
        for (const position of result) {
          let wanted = Math.floor(position);
          if (wanted < 0) wanted = items.length + wanted;
          if (wanted === index) results.push(item);
        }
      } else if (booleanOf(result)) {
        results.push(item);
      }
    }
    return results;
  };
}

/** Applies filters one after another. */
export function applyFilters(filters: Filter[], value: unknown, frame: Frame, context: EvaluationContext): unknown {
  let result = value;
  for (const filter of filters) result = filter(result, frame, context);
  return result;
}

type Step = (input: unknown[], frame: Frame, context: EvaluationContext) => unknown[];

function compileStep(step: AstNode, last: boolean, compile: CompileNode): Step {
  rejectTupleFlags(step);
  if (step.type === 'sort') {
    // jsonata sorts the whole sequence at once (no per-item evaluation, no flattening), then filters it.
    const sort = compileOrderBy(step, compile);
    const stages = (step.stages ?? []).map((stage) => compileFilter(stage, compile));
    return (input, frame, context) => applyFilters(stages, sort(input, frame, context), frame, context) as unknown[];
  }
  const evaluate = compile(step);
  const filters = (step.stages ?? []).map((stage) => compileFilter(stage, compile));
  return (input, frame, context) => {
    const results: unknown[] = [];
    for (const item of input) {
      context.tick();
      const result = applyFilters(filters, evaluate(item, frame, context), frame, context);
      if (result !== undefined) results.push(result);
    }
    const [only] = results;
    if (last && results.length === 1 && Array.isArray(only) && !isSequence(only)) return only;
    const flat = createSequence();
    for (const result of results) {
      if (!Array.isArray(result) || (result as Sequence).cons) flat.push(result);
      else for (const item of result) flat.push(item);
    }
    return flat;
  };
}

/** Compiles a `path` node: `a.b[0].c`, `$x.y`, `[1, 2].(...)`, `a[]`, `a{...}`. */
export function compilePath(node: AstNode, compile: CompileNode): Evaluator {
  rejectTupleFlags(node);
  const steps = node.steps!;
  const absolute = steps[0]!.type === 'variable';
  const constructed = steps[0]!.consarray === true;
  const first = constructed ? compile(steps[0]!) : undefined;
  const compiled = steps.map((step, index) => compileStep(step, index === steps.length - 1, compile));
  const keepSingleton = node.keepSingletonArray === true;
  const group = node.group ? compileGroup(node.group.lhs, compile) : undefined;
  return (input, frame, context) => {
    let sequence: unknown = Array.isArray(input) && !absolute ? input : createSequence(input);
    let result: any;
    for (let index = 0; index < compiled.length; index++) {
      const step = compiled[index]!;
      result = index === 0 && first ? first(sequence, frame, context) : step(sequence as unknown[], frame, context);
      if (result === undefined || result.length === 0) break;
      sequence = result;
    }
    if (keepSingleton) {
      if (Array.isArray(result) && (result as Sequence).cons && !(result as Sequence).sequence) {
        result = createSequence(result);
      }
      result.keepSingleton = true;
    }
    return group ? group(result, frame, context) : result;
  };
}

function flatten(value: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) flatten(item, into);
  else into.push(value);
  return into;
}

/** `*`: the values of every field of the context object, arrays flattened. */
export const wildcard: Evaluator = (input) => {
  let results: unknown = createSequence();
  let subject = input;
  if (Array.isArray(subject) && (subject as Sequence).outerWrapper && subject.length > 0) subject = subject[0];
  if (subject !== null && typeof subject === 'object' && !isFunction(subject)) {
    for (const key of Object.keys(subject)) {
      const value = (subject as Record<string, unknown>)[key];
      if (Array.isArray(value)) results = append(results, flatten(value));
      else (results as unknown[]).push(value);
    }
  }
  return results;
};

function collectDescendants(value: unknown, results: unknown[]): void {
  if (!Array.isArray(value)) results.push(value);
  if (Array.isArray(value)) {
    for (const member of value) collectDescendants(member, results);
  } else if (value !== null && typeof value === 'object' && !isFunction(value)) {
    for (const key of Object.keys(value)) collectDescendants((value as Record<string, unknown>)[key], results);
  }
}

/** `**`: the context value and everything inside it, depth first. */
export const descendants: Evaluator = (input) => {
  if (input === undefined) return undefined;
  const results = createSequence();
  collectDescendants(input, results);
  return results.length === 1 ? results[0] : results;
};
