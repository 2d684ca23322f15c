/**
 * @module The state one compiled evaluation carries: variable frames, the root input, the caller's
 * bindings, the evaluation's timestamp, and the focus object JSONata's built-in functions expect as `this`.
 */
import { RUN_KEY, type EvaluationRun } from '../bounds.js';
import { createSequence } from './sequence.js';

/** Thrown by compiled code for a case it does not do itself; the caller evaluates with the interpreter. */
export const FALLBACK = Symbol('flowbus compiled expression fallback');

/**
 * How long a compiled evaluation may run without handing the event loop back. Past it, the evaluation starts
 * again in the interpreter, whose evaluation hook yields every 10 ms and enforces the time bound.
 */
export const COMPILED_BUDGET_MS = 10;

/** One scope of `$name` bindings: a block, a lambda call, or the evaluation itself. */
export class Frame {
  readonly vars: Record<string, unknown> = Object.create(null);
  constructor(readonly parent?: Frame) {}

  bind(name: string, value: unknown): void {
    this.vars[name] = value;
  }
}

/** What JSONata passes to a built-in function as `this`. */
export interface Focus {
  environment: { lookup(name: string): unknown; readonly timestamp: Date };
  input: unknown;
  options: undefined;
  createSequence: typeof createSequence;
}

/** The environment a built-in sees: the evaluation state under RUN_KEY, and the evaluation's timestamp. */
class FocusEnvironment {
  constructor(private readonly context: EvaluationContext) {}

  lookup(name: string): unknown {
    return name === RUN_KEY ? this.context.run : undefined;
  }

  get timestamp(): Date {
    return new Date(this.context.now());
  }
}

/** One evaluation of a compiled expression. */
export class EvaluationContext {
  private millis: number | undefined;
  private checks = 0;
  private readonly started = Date.now();
  private focusObject: Focus | undefined;
  /** How many copies of the expression jsonata would be evaluating at once (object constructors' groups). */
  private concurrency = 1;

  constructor(
    /** The input as given, what `$$` names. */
    readonly root: unknown,
    readonly bindings: Record<string, unknown>,
    readonly run: EvaluationRun | undefined,
    /** The expression's evaluation depth bound for one copy of it (see depth.ts). */
    private readonly depth: number,
  ) {}

  /**
   * Runs `work` as jsonata would run it `copies` times concurrently (the values of an object constructor's
   * groups share its depth counter); hands the evaluation over when that could pass the depth bound.
   */
  concurrently<T>(copies: number, work: () => T): T {
    if (copies <= 1) return work();
    const concurrency = this.concurrency * copies;
    if (this.run && concurrency * this.depth > this.run.limits.maxDepth) throw FALLBACK;
    this.concurrency = concurrency;
    try {
      return work();
    } finally {
      this.concurrency /= copies;
    }
  }

  /** What built-in functions get as `this`; made on first use, most evaluations call none. */
  get focus(): Focus {
    this.focusObject ??= { environment: new FocusEnvironment(this), input: undefined, options: undefined, createSequence };
    return this.focusObject;
  }

  /** The evaluation's timestamp, the same for every `$now()` and `$millis()` in it. */
  now(): number {
    this.millis ??= Date.now();
    return this.millis;
  }

  /** Loops over data call this once per item: every 256 items, it checks {@link COMPILED_BUDGET_MS}. */
  tick(): void {
    if ((++this.checks & 255) === 0 && Date.now() - this.started > COMPILED_BUDGET_MS) throw FALLBACK;
  }
}

/** Looks `$name` up: the frames outwards, then `$$`, then the caller's bindings. */
export function lookupVariable(frame: Frame | undefined, context: EvaluationContext, name: string): unknown {
  for (let scope = frame; scope; scope = scope.parent) {
    if (name in scope.vars) return scope.vars[name];
  }
  if (name === '$') return context.root;
  return Object.prototype.hasOwnProperty.call(context.bindings, name) ? context.bindings[name] : undefined;
}
