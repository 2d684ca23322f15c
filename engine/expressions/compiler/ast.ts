/**
 * @module The shape of jsonata's parsed expression tree as the compiler reads it, and the compiled form.
 */
import type { EvaluationContext, Frame } from './context.js';

/** One node of `jsonata(...).ast()`, after jsonata's own post-processing of paths and predicates. */
export interface AstNode {
  type: string;
  value?: any;
  steps?: AstNode[];
  stages?: AstNode[];
  predicate?: AstNode[];
  group?: { lhs: Array<[AstNode, AstNode]> };
  lhs?: any;
  rhs?: AstNode;
  expr?: AstNode;
  expression?: AstNode;
  expressions?: AstNode[];
  arguments?: AstNode[];
  procedure?: AstNode;
  body?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  signature?: unknown;
  [flag: string]: unknown;
}

/** A compiled node: evaluates against the context value `input` in `frame`. */
export type Evaluator = (input: unknown, frame: Frame, context: EvaluationContext) => unknown;

/** Compiles a child node (the translator's entry point, handed to the helpers that need it). */
export type CompileNode = (node: AstNode) => Evaluator;

/** Raised while translating a node the compiler does not do exactly; the expression stays interpreted. */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(`not compiled: ${reason}`);
  }
}

/** Flags jsonata sets on nodes that bind a focus (`@`) or an index (`#`), or look up a parent (`%`). */
const TUPLE_FLAGS: Array<[string, string]> = [
  ['focus', 'focus binding'],
  ['index', 'index binding'],
  ['ancestor', 'parent expression'],
  ['seekingParent', 'parent expression'],
  ['tuple', 'tuple stream'],
];

/** Throws {@link Unsupported} when `node`, or a step of it, takes part in a tuple stream. */
export function rejectTupleFlags(node: AstNode): void {
  for (const [flag, reason] of TUPLE_FLAGS) {
    if ([node, ...(node.steps ?? [])].some((part) => part[flag] !== undefined)) throw new Unsupported(reason);
  }
}
