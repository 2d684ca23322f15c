/**
 * @module Compiled lambdas: inline ones given to `$map` / `$filter` / `$reduce` / `$sort`, and named ones
 * bound in a block (`$f := function($x) { ... }`) and called by name outside any lambda body. A lambda body
 * calls no function value, so a compiled expression can never recurse.
 */
import { Unsupported, type AstNode, type CompileNode } from './ast.js';
import { isFunctionName } from './builtins.js';
import { FALLBACK, Frame, lookupVariable, type EvaluationContext } from './context.js';

/** The result of a call in tail position of a lambda body; the lambda unwraps it (jsonata's thunk). */
export class TailCall {
  constructor(readonly value: unknown) {}
}

/** Whether `value` is the pending result of a tail call (only a lambda body's tail returns one). */
export function isTailCall(value: unknown): boolean {
  return value instanceof TailCall;
}

const COMPILED = Symbol('compiled lambda');

/** A compiled lambda, made callable where it is created; `arity` is the number of its parameters. */
export type Lambda = ((...args: unknown[]) => unknown) & { arity: number; [COMPILED]: true };

/** Makes the lambda of a `function` node for the frame and context value where it is evaluated. */
export type LambdaMaker = (input: unknown, frame: Frame, context: EvaluationContext) => Lambda;

function isLambdaNode(node: AstNode | undefined): boolean {
  return node?.type === 'lambda' && node.thunk !== true && node.signature === undefined;
}

function forEachNode(value: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) forEachNode(item, visit);
  } else if (typeof value === 'object' && value !== null) {
    if (typeof (value as AstNode).type === 'string') visit(value as AstNode);
    for (const item of Object.values(value)) forEachNode(item, visit);
  }
}

/** What the translator knows of lambdas: the names only ever bound to one, and whether it is inside one. */
export class LambdaScope {
  /** Name → the lambda node bound to it. */
  readonly named = new Map<string, AstNode>();
  private depth = 0;

  constructor(root: AstNode) {
    const other = new Set<string>();
    forEachNode(root, (node) => {
      if (node.type === 'lambda') for (const param of node.arguments ?? []) other.add(param.value as string);
      if (node.type !== 'bind') return;
      const name = (node.lhs as AstNode).value as string;
      // A name bound twice might hold either lambda: the depth bound needs to know which body a call runs.
      if (isLambdaNode(node.rhs) && !this.named.has(name)) this.named.set(name, node.rhs!);
      else other.add(name);
    });
    for (const name of other) this.named.delete(name);
  }

  /** Compiles `work` as the body of a lambda. */
  within<T>(work: () => T): T {
    this.depth++;
    try {
      return work();
    } finally {
      this.depth--;
    }
  }

  /** Throws unless `$name` names a lambda that may be used here (never inside a lambda body). */
  checkNamed(name: string): void {
    if (!this.named.has(name)) throw new Unsupported(`function $${name}`);
    if (this.depth > 0) throw new Unsupported('named lambda used inside a lambda');
  }
}

/** Compiles a `function($a, ...) { body }` node into a maker of callable lambdas. */
export function compileLambda(node: AstNode, compile: CompileNode, scope: LambdaScope): LambdaMaker {
  if (node.type !== 'lambda' || node.thunk) throw new Unsupported('function argument that is not a lambda');
  if (node.signature !== undefined) throw new Unsupported('lambda signature');
  const params = node.arguments!.map((param) => param.value as string);
  for (const param of params) if (isFunctionName(param)) throw new Unsupported(`parameter $${param}`);
  const body = scope.within(() => compile(node.body!));
  return (input, frame, context) => {
    const lambda = (...args: unknown[]): unknown => {
      const local = new Frame(frame);
      params.forEach((param, index) => local.bind(param, args[index]));
      const result = body(input, local, context);
      return result instanceof TailCall ? result.value : result;
    };
    return Object.assign(lambda, { arity: params.length, [COMPILED]: true as const });
  };
}

/** The lambda bound to `$name` at evaluation time; anything else (a caller's binding) goes to jsonata. */
export function namedLambda(name: string): LambdaMaker {
  return (_input, frame, context) => {
    const value = lookupVariable(frame, context, name) as Partial<Lambda> | undefined;
    if (typeof value !== 'function' || value[COMPILED] !== true) throw FALLBACK;
    return value as Lambda;
  };
}
