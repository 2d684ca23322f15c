/**
 * @module Compiled JSONata: translates an expression, when every part of it is in the compiled subset, into
 * a synchronous JavaScript function with jsonata 2.2.2's results; anything else stays interpreted.
 *
 * Bounds: a compiled expression has no recursion (named lambdas are called only outside lambda bodies,
 * function values never); its only loops run over data: path steps, predicates, grouping, `$map` /
 * `$filter` / `$reduce` / `$sort` with a lambda, and ranges of at most 1,000 items. Every loop counts its
 * items and, every 256, checks that the evaluation has run under 10 ms; past that, or for a larger range, a
 * caller's depth limit below the expression's nesting, or a caller's binding of a called built-in's name,
 * the evaluation starts again in the interpreter, whose evaluation hook yields to the event loop and
 * enforces the time and depth bounds. The compiled code runs synchronously, so it checks the clock and the
 * abort signal when it starts and when it ends: a result past the time bound or after an abort is handed
 * over too (and the interpreter reports it). Every node's result is checked against the value bound as the
 * interpreter's exit hook checks it, and `$pad`, `$join` and `$append` are checked before they build: past
 * the bound, the evaluation is handed over.
 */
import { checkClock, type EvaluationRun } from '../bounds.js';
import { Unsupported, type AstNode } from './ast.js';
import { EvaluationContext, FALLBACK, Frame } from './context.js';
import { createSequence, isSequence } from './sequence.js';
import { translate } from './translate.js';

export { FALLBACK } from './context.js';

/** An expression compiled to JavaScript. */
export interface CompiledJsonata {
  /**
   * Evaluates synchronously, as jsonata's `evaluate(input, bindings)` would. Throws what jsonata would
   * throw (an object with its `code`), a `BoundExceeded`, or {@link FALLBACK} for a case left to jsonata.
   */
  evaluate(input: unknown, bindings?: Record<string, unknown>, run?: EvaluationRun): unknown;
}

/** The outcome of compiling: a compiled expression, or why the expression stays interpreted. */
export type Compilation = { compiled: CompiledJsonata } | { reason: string };

const NO_BINDINGS: Record<string, unknown> = Object.freeze(Object.create(null));

/** Compiles the tree of `jsonata(source).ast()`; never throws. */
export function compileAst(ast: AstNode): Compilation {
  let translation: ReturnType<typeof translate>;
  try {
    translation = translate(ast);
  } catch (thrown) {
    if (thrown instanceof Unsupported) return { reason: thrown.reason };
    // A tree the translator did not expect must never stop a flow from being published: interpret it.
    return { reason: `compiler error: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
  const { evaluate, depth } = translation;
  const called = [...translation.called];
  // Only a `:=` that is the whole expression binds in the evaluation's own frame; blocks make their own.
  const bindsAtTop = ast.type === 'bind';
  const shared = new Frame();
  return {
    compiled: {
      evaluate(input, bindings = NO_BINDINGS, run) {
        if (run) {
          checkClock(run, Date.now());
          if (run.limits.maxDepth < depth) throw FALLBACK;
        }
        for (const name of called) if (Object.prototype.hasOwnProperty.call(bindings, name)) throw FALLBACK;
        const context = new EvaluationContext(input, bindings, run, depth);
        let focus = input;
        // As jsonata does: a top-level array is one input value, not a sequence of inputs.
        if (Array.isArray(input) && !isSequence(input)) {
          focus = createSequence(input);
          (focus as { outerWrapper?: boolean }).outerWrapper = true;
        }
        const result = evaluate(focus, bindsAtTop ? new Frame() : shared, context);
        // The interpreter checks the clock at every node; a result that arrives past the bound is not one.
        if (run) checkClock(run, Date.now());
        return result;
      },
    },
  };
}

/** Whether the compiler takes `ast` (the decision made once, when a flow is published). */
export function accepts(ast: AstNode): boolean {
  return 'compiled' in compileAst(ast);
}

/** Compilations by tree: parsed texts are cached (parse-cache.ts), so validating and publishing compile once. */
const compilations = new WeakMap<AstNode, Compilation>();

/**
 * The evaluation function of an expression: the compiled one where the compiler accepts `ast`, falling back
 * to `interpret` for that evaluation whenever the compiled code throws (an error's exact message, position
 * and any bound are the interpreter's to report); `interpret` itself where it does not. A compiled result
 * comes synchronously, an interpreted one in a promise.
 */
export function withCompiledPath(
  ast: AstNode,
  interpret: (input: unknown, run: EvaluationRun) => Promise<unknown>,
  toResult: (value: unknown) => unknown,
): (input: unknown, run: EvaluationRun) => unknown | Promise<unknown> {
  let compilation = compilations.get(ast);
  if (!compilation) {
    compilation = compileAst(ast);
    compilations.set(ast, compilation);
  }
  if (!('compiled' in compilation)) return interpret;
  const { compiled } = compilation;
  return (input, run) => {
    let value: unknown;
    try {
      value = compiled.evaluate(input, run.bindings, run);
    } catch {
      return interpret(input, run);
    }
    // The compiled result is given as it is, not in a promise: a compiled value or template of compiled
    // expressions then runs without a microtask per expression.
    return toResult(value);
  };
}
