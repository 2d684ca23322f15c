/**
 * @module Compiled function calls: the built-ins by name, `~>` into a call, and `$map` / `$filter` /
 * `$reduce` with an inline lambda, run as plain loops with the interpreter's argument rules.
 */
import { rejectTupleFlags, Unsupported, type AstNode, type CompileNode, type Evaluator } from './ast.js';
import { BUILTINS, isFunctionName, validateArguments } from './builtins.js';
import { FALLBACK, type EvaluationContext } from './context.js';
import {
  compileLambda, namedLambda, TailCall, type Lambda, type LambdaMaker, type LambdaScope,
} from './lambdas.js';
import { booleanOf } from './operators.js';
import { createSequence, fail, isFunction } from './sequence.js';
import { sortItems } from './sort.js';

type HigherOrder = (
  items: unknown[] | undefined,
  lambda: Lambda,
  init: unknown,
  context: EvaluationContext,
) => unknown;
// `$sort` alone may come without a lambda; the others always have one (the argument counts enforce it).

function lambdaArguments(lambda: Lambda, value: unknown, index: number, items: unknown[]): unknown[] {
  if (lambda.arity >= 3) return [value, index, items];
  return lambda.arity >= 2 ? [value, index] : [value];
}

const map: HigherOrder = (items, lambda, _init, context) => {
  if (items === undefined) return undefined;
  const result = createSequence();
  for (let index = 0; index < items.length; index++) {
    context.tick();
    const value = lambda(...lambdaArguments(lambda, items[index], index, items));
    if (value !== undefined) result.push(value);
  }
  return result;
};

const filter: HigherOrder = (items, lambda, _init, context) => {
  if (items === undefined) return undefined;
  const result = createSequence();
  for (let index = 0; index < items.length; index++) {
    context.tick();
    if (booleanOf(lambda(...lambdaArguments(lambda, items[index], index, items)))) result.push(items[index]);
  }
  return result;
};

const reduce: HigherOrder = (items, lambda, init, context) => {
  if (items === undefined) return undefined;
  if (lambda.arity < 2) fail('D3050');
  let index = 0;
  let result = init;
  if (init === undefined && items.length > 0) [result, index] = [items[0], 1];
  for (; index < items.length; index++) {
    context.tick();
    const args = [result, items[index]];
    if (lambda.arity >= 3) args.push(index);
    if (lambda.arity >= 4) args.push(items);
    result = lambda(...args);
  }
  return result;
};

const sort: HigherOrder = (items, lambda, _init, context) =>
  sortItems(items, lambda && ((a, b) => lambda(a, b)), context);

const HIGHER_ORDER = new Map<string, HigherOrder>([
  ['map', map],
  ['filter', filter],
  ['reduce', reduce],
  ['sort', sort],
]);

/** How many arguments each higher-order function takes, and where its lambda is optional. */
const ARGUMENT_COUNTS: Record<string, number[]> = { map: [2], filter: [2], reduce: [2, 3], sort: [1, 2] };

/** Compiles `$name(args)`, with `applied` as an extra first argument for `lhs ~> $name(args)`. */
export function compileCall(
  node: AstNode,
  compile: CompileNode,
  scope: LambdaScope,
  applied?: AstNode,
): Evaluator {
  const procedure = node.procedure!;
  if (procedure.type !== 'variable' || procedure.predicate || procedure.keepArray) {
    throw new Unsupported('call of a computed function');
  }
  const name = procedure.value as string;
  const argumentNodes = applied ? [applied, ...node.arguments!] : node.arguments!;
  const higherOrder = HIGHER_ORDER.get(name);
  if (higherOrder) return compileHigherOrder(name, higherOrder, argumentNodes, compile, scope);
  for (const argument of argumentNodes) {
    if (argument.type === 'regex') throw new Unsupported('regex argument');
  }
  const builtin = BUILTINS.get(name);
  if (!builtin) {
    scope.checkNamed(name);
    const lambda = namedLambda(name);
    const args = argumentNodes.map(compile);
    return (input, frame, context) => {
      const target = lambda(input, frame, context);
      return target(...args.map((arg) => arg(input, frame, context)));
    };
  }
  const args = argumentNodes.map(compile);
  return (input, frame, context) => builtin(args.map((arg) => arg(input, frame, context)), input, context);
}

/** The lambda argument of a higher-order call: inline, or a named lambda given by `$name`. */
function lambdaArgument(node: AstNode, compile: CompileNode, scope: LambdaScope): LambdaMaker {
  if (node.type !== 'variable' || node.predicate || node.keepArray) {
    return compileLambda(node, compile, scope);
  }
  if (isFunctionName(node.value as string)) throw new Unsupported(`$${node.value} as a value`);
  scope.checkNamed(node.value as string);
  return namedLambda(node.value as string);
}

function compileHigherOrder(
  name: string,
  run: HigherOrder,
  nodes: AstNode[],
  compile: CompileNode,
  scope: LambdaScope,
): Evaluator {
  if (!ARGUMENT_COUNTS[name]!.includes(nodes.length)) {
    throw new Unsupported(`$${name} with ${nodes.length} arguments`);
  }
  const items = compile(nodes[0]!);
  const makeLambda = nodes[1] ? lambdaArgument(nodes[1], compile, scope) : undefined;
  const init = nodes[2] ? compile(nodes[2]) : undefined;
  return (input, frame, context) => {
    const args: unknown[] = [items(input, frame, context)];
    if (makeLambda) args.push(makeLambda(input, frame, context));
    if (init) args.push(init(input, frame, context));
    const [list, lambda, start] = validateArguments(name, args, input) as [unknown[], Lambda, unknown];
    return run(list, lambda, start, context);
  };
}

/** Compiles a call in tail position of a lambda body (jsonata's thunk): its result is not normalised. */
export function compileTailCall(node: AstNode, compile: CompileNode, scope: LambdaScope): Evaluator {
  const call = node.body!;
  rejectTupleFlags(call);
  if (call.keepArray || call.group || call.stages) throw new Unsupported('flagged tail call');
  const evaluate = compileCall(call, compile, scope);
  return (input, frame, context) => new TailCall(evaluate(input, frame, context));
}

/** Compiles `lhs ~> $name(args)` and `lhs ~> $lambda`; any other right-hand side stays interpreted. */
export function compileApply(node: AstNode, compile: CompileNode, scope: LambdaScope): Evaluator {
  const target = node.rhs!;
  if (target.type === 'function') return compileCall(target, compile, scope, node.lhs as AstNode);
  if (target.type !== 'variable' || !scope.named.has(target.value as string)) {
    throw new Unsupported('~> into a function value');
  }
  scope.checkNamed(target.value as string);
  const lambda = namedLambda(target.value as string);
  const subject = compile(node.lhs as AstNode);
  return (input, frame, context) => {
    const value = subject(input, frame, context);
    // A function on the left chains two functions: left to jsonata.
    if (typeof value === 'function' || isFunction(value)) throw FALLBACK;
    return lambda(input, frame, context)(value);
  };
}
