/**
 * @module Translates a jsonata expression tree into nested JavaScript closures, node by node as jsonata's
 * `evaluate` runs them; a node it cannot do exactly raises {@link Unsupported}.
 */
import { rejectTupleFlags, Unsupported, type AstNode, type Evaluator } from './ast.js';
import { isFunctionName } from './builtins.js';
import { compileApply, compileCall, compileTailCall } from './calls.js';
import { checkValueSize } from '../bounds.js';
import { FALLBACK, Frame, lookupVariable, type EvaluationContext } from './context.js';
import { evaluationDepth } from './depth.js';
import { compileGroup } from './group.js';
import { compileLambda, isTailCall, LambdaScope } from './lambdas.js';
import * as operators from './operators.js';
import { applyFilters, compilePath, compileFilter, descendants, wildcard } from './paths.js';
import { append, fail, isNumeric, normalize, type Sequence } from './sequence.js';

/** What a translation found out besides the evaluator. */
export interface Translation {
  evaluate: Evaluator;
  /** An upper bound of the interpreter's evaluation depth for this expression (see depth.ts). */
  depth: number;
  /** Built-ins called by name: a caller's binding of one of these names sends the evaluation to jsonata. */
  called: Set<string>;
}

/** Past this nesting the expression stays interpreted (its depth bound is the interpreter's to enforce). */
const MAX_COMPILED_DEPTH = 200;

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const COMPARISON = new Set(['<', '<=', '>', '>=']);

/**
 * `result`, once it is checked against the value bound as the interpreter's exit hook checks every node's
 * result; past it, the evaluation is handed over and the interpreter reports `EXPRESSION:LIMIT`.
 */
function bounded(result: unknown, context: EvaluationContext): unknown {
  if (context.run && (typeof result === 'string' || (typeof result === 'object' && result !== null))) {
    checkValueSize(context.run, result);
  }
  return result;
}

/** Translates a whole expression; throws {@link Unsupported} when any part of it is not compiled. */
export function translate(root: AstNode): Translation {
  const called = new Set<string>();
  const scope = new LambdaScope(root);
  let depth = 0;
  const compile = (node: AstNode): Evaluator => {
    if (++depth > MAX_COMPILED_DEPTH) throw new Unsupported('nesting too deep');
    try {
      const call = node.type === 'apply' ? node.rhs : node.type === 'lambda' ? node.body : node;
      if (call?.type === 'function') called.add(call.procedure?.value as string);
      return wrap(node, bare(node));
    } finally {
      depth--;
    }
  };

  /** The node's predicates, group-by and singleton unwrapping, as the tail of jsonata's `evaluate`. */
  const wrap = (node: AstNode, evaluate: Evaluator): Evaluator => {
    const filters = (node.predicate ?? []).map((stage) => compileFilter(stage, compile));
    const group = node.type !== 'path' && node.group ? compileGroup(node.group.lhs, compile) : undefined;
    const keepArray = node.keepArray === true;
    if (filters.length === 0 && !group) {
      return (input, frame, context) =>
        bounded(normalize(evaluate(input, frame, context), keepArray), context);
    }
    return (input, frame, context) => {
      let result = evaluate(input, frame, context);
      if (isTailCall(result)) throw FALLBACK;
      result = applyFilters(filters, result, frame, context);
      if (group) result = group(result, frame, context);
      return bounded(normalize(result, keepArray), context);
    };
  };

  const bare = (node: AstNode): Evaluator => {
    rejectTupleFlags(node);
    switch (node.type) {
      case 'string':
      case 'number':
      case 'value': {
        const value = node.value;
        return () => value;
      }
      case 'path':
        return compilePath(node, compile);
      case 'name':
        return compileName(node.value as string);
      case 'variable':
        return compileVariable(node.value as string);
      case 'wildcard':
        return wildcard;
      case 'descendant':
        return descendants;
      case 'block':
        return compileBlock(node);
      case 'bind':
        throw new Unsupported('binding outside a block statement');
      case 'condition':
        return compileCondition(node);
      case 'unary':
        return compileUnary(node);
      case 'binary':
        return compileBinary(node);
      case 'function':
        return compileCall(node, compile, scope);
      case 'apply':
        return compileApply(node, compile, scope);
      case 'lambda':
        if (node.thunk === true) return compileTailCall(node, compile, scope);
        throw new Unsupported('function value');
      default:
        throw new Unsupported(`${node.type} expression`);
    }
  };

  const compileBind = (node: AstNode, last: boolean): Evaluator => {
    const name = (node.lhs as AstNode).value as string;
    if (isFunctionName(name)) throw new Unsupported(`binding of $${name}`);
    if (scope.named.has(name)) {
      // The statement's value is the lambda itself: only a statement whose value is dropped may bind one.
      if (last) throw new Unsupported('function value');
      const make = compileLambda(node.rhs!, compile, scope);
      return (input, frame, context) => {
        const lambda = make(input, frame, context);
        frame.bind(name, lambda);
        return lambda;
      };
    }
    const value = compile(node.rhs!);
    return (input, frame, context) => {
      const result = value(input, frame, context);
      frame.bind(name, result);
      return result;
    };
  };

  /** A statement of a block (or the whole expression): the one place a `:=` is compiled. */
  const compileStatement = (node: AstNode, last: boolean): Evaluator =>
    node.type === 'bind' ? wrap(node, compileBind(node, last)) : compile(node);

  const compileBlock = (node: AstNode): Evaluator => {
    const expressions = node.expressions!;
    const last = expressions.length - 1;
    const statements = expressions.map((statement, index) => compileStatement(statement, index === last));
    const scoped = node.expressions!.some((statement) => statement.type === 'bind');
    return (input, frame, context) => {
      const scope = scoped ? new Frame(frame) : frame;
      let result: unknown;
      for (const statement of statements) result = statement(input, scope, context);
      return result;
    };
  };

  const compileCondition = (node: AstNode): Evaluator => {
    const condition = compile(node.condition!);
    const then = compile(node.then!);
    const otherwise = node.else ? compile(node.else) : undefined;
    return (input, frame, context) => {
      if (operators.booleanOf(condition(input, frame, context))) return then(input, frame, context);
      return otherwise?.(input, frame, context);
    };
  };

  const compileUnary = (node: AstNode): Evaluator => {
    if (node.value === '-') {
      const operand = compile(node.expression!);
      return (input, frame, context) => {
        const value = operand(input, frame, context);
        if (value === undefined) return undefined;
        if (isNumeric(value)) return -value;
        return fail('D1002', value);
      };
    }
    if (node.value === '{') return compileGroup(node.lhs as Array<[AstNode, AstNode]>, compile);
    const items = node.expressions!.map((item) => ({ nested: item.value === '[', evaluate: compile(item) }));
    const constructed = node.consarray === true;
    return (input, frame, context) => {
      let result: unknown = [];
      for (const item of items) {
        const value = item.evaluate(input, frame, context);
        if (value === undefined) continue;
        if (item.nested) (result as unknown[]).push(value);
        else result = append(result, value);
      }
      if (constructed) Object.defineProperty(result, 'cons', { enumerable: false, configurable: false, value: true });
      return result as Sequence;
    };
  };

  const compileBinary = (node: AstNode): Evaluator => {
    const operator = node.value as string;
    const left = compile(node.lhs as AstNode);
    const right = compile(node.rhs!);
    if (operator === 'and' || operator === 'or') {
      const isAnd = operator === 'and';
      return (input, frame, context) => {
        const leftTrue = operators.booleanOf(left(input, frame, context)) === true;
        if (leftTrue !== isAnd) return leftTrue;
        return operators.booleanOf(right(input, frame, context)) === true;
      };
    }
    const apply = binaryOperator(operator);
    return (input, frame, context) => {
      const lhs = left(input, frame, context);
      return apply(lhs, right(input, frame, context));
    };
  };

  const compileVariable = (name: string): Evaluator => {
    if (name === '') return (input) => (Array.isArray(input) && (input as Sequence).outerWrapper ? input[0] : input);
    if (isFunctionName(name)) throw new Unsupported(`$${name} as a value`);
    if (scope.named.has(name)) throw new Unsupported('function value');
    return (_input, frame, context) => lookupVariable(frame, context, name);
  };

  const evaluate = compileStatement(root, true);
  return { evaluate, depth: evaluationDepth(root, scope.named), called };
}

function binaryOperator(operator: string): (left: unknown, right: unknown) => unknown {
  if (ARITHMETIC.has(operator)) return (left, right) => operators.arithmetic(operator, left, right);
  if (COMPARISON.has(operator)) return (left, right) => operators.comparison(operator, left, right);
  if (operator === '=' || operator === '!=') return (left, right) => operators.equality(operator, left, right);
  if (operator === '&') return operators.concatenate;
  if (operator === 'in') return operators.includes;
  if (operator === '..') return operators.range;
  throw new Unsupported(`operator ${operator}`);
}

/** `fn.lookup`: the field `name` of the context object, or of each object in the context array. */
function lookupField(input: unknown, name: string): unknown {
  if (Array.isArray(input)) {
    const result: unknown[] = [];
    (result as Sequence).sequence = true;
    for (const item of input) {
      const value = lookupField(item, name);
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const member of value) result.push(member);
      else result.push(value);
    }
    return result;
  }
  if (input === null || typeof input !== 'object' || !Object.prototype.hasOwnProperty.call(input, name)) return undefined;
  const marks = input as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return marks._jsonata_function === true || marks._jsonata_lambda === true ? undefined : (input as Record<string, unknown>)[name];
}

function compileName(name: string): Evaluator {
  return (input) => lookupField(input, name);
}
