/**
 * @module Compiled function calls: the built-ins by name, `~>` into a call, and `$map` / `$filter` /
 * `$reduce` with an inline lambda, run as plain loops with the interpreter's argument rules.
 */
import { rejectTupleFlags, Unsupported, type AstNode, type CompileNode, type Evaluator } from './ast.js';
import { BUILTINS, isFunctionName, validateArguments } from './builtins.js';
import { Frame, type EvaluationContext } from './context.js';
import { booleanOf } from './operators.js';
import { createSequence, fail } from './sequence.js';
import { sortItems } from './sort.js';

/** The result of a call in tail position of a lambda body; the lambda unwraps it (jsonata's thunk). */
class TailCall {
  constructor(readonly value: unknown) {}
}

/** Whether `value` is the pending result of a tail call (only a lambda body's tail returns one). */
export function isTailCall(value: unknown): boolean {
  return value instanceof TailCall;
}

/** A compiled lambda, made callable where it is created; `arity` is the number of its parameters. */
type Lambda = ((...args: unknown[]) => unknown) & { arity: number };

type HigherOrder = (items: unknown[] | undefined, lambda: Lambda, init: unknown, context: EvaluationContext) => unknown;
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

const sort: HigherOrder = (items, lambda, _init, context) => sortItems(items, lambda && ((a, b) => lambda(a, b)), context);

const HIGHER_ORDER = new Map<string, HigherOrder>([['map', map], ['filter', filter], ['reduce', reduce], ['sort', sort]]);

/** How many arguments each higher-order function takes, and where its lambda is optional. */
const ARGUMENT_COUNTS: Record<string, number[]> = { map: [2], filter: [2], reduce: [2, 3], sort: [1, 2] };

/** Compiles an inline `function($a, ...) { body }` into a maker of callable lambdas. */
function compileLambda(node: AstNode, compile: CompileNode): (input: unknown, frame: Frame, context: EvaluationContext) => Lambda {
  if (node.type !== 'lambda' || node.thunk) throw new Unsupported('function argument that is not a lambda');
  if (node.signature !== undefined) throw new Unsupported('lambda signature');
  const params = node.arguments!.map((param) => param.value as string);
  for (const param of params) if (isFunctionName(param)) throw new Unsupported(`parameter $${param}`);
  const body = compile(node.body!);
  return (input, frame, context) => {
    const lambda = (...args: unknown[]): unknown => {
      const scope = new Frame(frame);
      params.forEach((param, index) => scope.bind(param, args[index]));
      const result = body(input, scope, context);
      return result instanceof TailCall ? result.value : result;
    };
    return Object.assign(lambda, { arity: params.length });
  };
}

/** Compiles `$name(args)`, with `applied` as an extra first argument for `lhs ~> $name(args)`. */
export function compileCall(node: AstNode, compile: CompileNode, applied?: AstNode): Evaluator {
  const procedure = node.procedure!;
  if (procedure.type !== 'variable' || procedure.predicate || procedure.keepArray) {
    throw new Unsupported('call of a computed function');
  }
  const name = procedure.value as string;
  const argumentNodes = applied ? [applied, ...node.arguments!] : node.arguments!;
  const higherOrder = HIGHER_ORDER.get(name);
  if (higherOrder) return compileHigherOrder(name, higherOrder, argumentNodes, compile);
  const builtin = BUILTINS.get(name);
  if (!builtin) throw new Unsupported(`function $${name}`);
  for (const argument of argumentNodes) if (argument.type === 'regex') throw new Unsupported('regex argument');
  const args = argumentNodes.map(compile);
  return (input, frame, context) => builtin(args.map((arg) => arg(input, frame, context)), input, context);
}

function compileHigherOrder(name: string, run: HigherOrder, nodes: AstNode[], compile: CompileNode): Evaluator {
  if (!ARGUMENT_COUNTS[name]!.includes(nodes.length)) throw new Unsupported(`$${name} with ${nodes.length} arguments`);
  const items = compile(nodes[0]!);
  const makeLambda = nodes[1] ? compileLambda(nodes[1], compile) : undefined;
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
export function compileTailCall(node: AstNode, compile: CompileNode): Evaluator {
  const call = node.body!;
  rejectTupleFlags(call);
  if (call.keepArray || call.group || call.stages) throw new Unsupported('flagged tail call');
  const evaluate = compileCall(call, compile);
  return (input, frame, context) => new TailCall(evaluate(input, frame, context));
}

/** Compiles `lhs ~> $name(args)`; any other right-hand side stays interpreted. */
export function compileApply(node: AstNode, compile: CompileNode): Evaluator {
  const target = node.rhs!;
  if (target.type !== 'function') throw new Unsupported('~> into a function value');
  return compileCall(target, compile, node.lhs as AstNode);
}
