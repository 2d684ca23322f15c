/**
 * @module The built-in functions compiled expressions call: jsonata's own definitions (implementation and
 * signature), so argument checking, context substitution and results are the interpreter's, plus
 * synchronous versions of the few that jsonata writes as async (`$contains`, `$split` with a string).
 */
import jsonata from 'jsonata';
import { installBindings } from '../bindings.js';
import { sequenceLimit } from '../bounds.js';
import { FALLBACK, type EvaluationContext } from './context.js';
import { fail } from './sequence.js';

/** A function value as jsonata defines it (`defineFunction`). */
interface Definition {
  implementation: (...args: unknown[]) => unknown;
  signature?: { validate(args: unknown[], context: unknown): unknown[] };
}

/** Built-ins whose jsonata implementation is synchronous and deterministic enough to call directly. */
const DIRECT = [
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter',
  'lowercase', 'uppercase', 'length', 'trim', 'pad', 'join', 'formatNumber', 'formatBase', 'formatInteger',
  'parseInteger', 'number', 'floor', 'ceil', 'round', 'abs', 'sqrt', 'power', 'boolean', 'not', 'keys',
  'lookup', 'append', 'exists', 'spread', 'merge', 'reverse', 'type', 'distinct', 'zip', 'error', 'assert',
  'base64encode', 'base64decode', 'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl',
  'toMillis', 'fromMillis', 'env', 'uuid', 'nowMillis',
] as const;

/** Every name the interpreter binds to a function: a `$name` the compiler must never treat as data. */
const ALL_FUNCTIONS = [
  ...DIRECT, 'match', 'contains', 'replace', 'split', 'random', 'map', 'filter', 'single', 'reduce', 'sift',
  'each', 'sort', 'shuffle', 'eval', 'clone', 'now', 'millis',
];

function captureDefinitions(): Record<string, Definition> {
  const probe = jsonata('0');
  installBindings(probe);
  const captured: Record<string, Definition> = {};
  // The entry hook runs synchronously inside `evaluate`, with the environment that holds every built-in.
  const hook = (_node: unknown, _input: unknown, environment: jsonata.Environment): void => {
    for (const name of ALL_FUNCTIONS) captured[name] ??= environment.lookup(name) as Definition;
  };
  probe.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, hook);
  void probe.evaluate(undefined);
  for (const name of ALL_FUNCTIONS) {
    if (typeof captured[name]?.implementation !== 'function') throw new Error(`jsonata has no $${name}`);
  }
  return captured;
}

const definitions = captureDefinitions();

/** Whether `$name` names a function of the interpreter (built-in or flowbus's). */
export function isFunctionName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(definitions, name);
}

/** jsonata's own implementation of `$name`, for the places where the evaluator calls it unchecked. */
export function implementationOf(name: string): (...args: unknown[]) => unknown {
  return definitions[name]!.implementation;
}

/** Checks `args` against the signature of `$name`, substituting the context where the signature says so. */
export function validateArguments(name: string, args: unknown[], input: unknown): unknown[] {
  const signature = definitions[name]!.signature;
  return signature ? signature.validate(args, input) : args;
}

/** A compiled call of a built-in: validated arguments in, result out. */
export type Builtin = (args: unknown[], input: unknown, context: EvaluationContext) => unknown;

/** The size `$pad`, `$join` or `$append` would build from `args`, when it could pass a bound. */
function buildSize(name: string, args: unknown[]): number {
  if (name === 'pad') return Math.abs(Math.trunc(args[1] as number));
  if (name === 'append') {
    const [left, right] = args;
    if (left === undefined || right === undefined) return 0;
    return (Array.isArray(left) ? left.length : 1) + (Array.isArray(right) ? right.length : 1);
  }
  const [texts, separator] = args as [unknown[] | undefined, string | undefined];
  if (texts === undefined) return 0;
  let size = Math.max(0, texts.length - 1) * (separator?.length ?? 0);
  for (const text of texts) size += typeof text === 'string' ? text.length : 0;
  return size;
}

/**
 * Hands over a call that could build a value past a bound before building it, as flowbus's `$pad` and `$join`
 * (builders.ts) and jsonata's `$append` (D2015) refuse to: the interpreter reports it.
 */
function checkBuild(name: string, args: unknown[], context: EvaluationContext): void {
  const run = context.run;
  if (!run) return;
  const limit = name === 'append' ? sequenceLimit(run.limits) : run.limits.valueBytes;
  if (buildSize(name, args) > limit) throw FALLBACK;
}

const BUILDERS = new Set(['pad', 'join', 'append']);

function direct(name: string): Builtin {
  const { implementation } = definitions[name]!;
  const builds = BUILDERS.has(name);
  return (args, input, context) => {
    const focus = context.focus;
    focus.input = input;
    const checked = validateArguments(name, args, input);
    if (builds) checkBuild(name, checked, context);
    const result = implementation.apply(focus, checked);
    if (typeof (result as { then?: unknown } | undefined)?.then === 'function') throw FALLBACK;
    return result;
  };
}

const contains: Builtin = (args, input) => {
  const [text, token] = validateArguments('contains', args, input) as [string | undefined, unknown];
  if (text === undefined || token === undefined) return undefined;
  if (typeof token !== 'string') throw FALLBACK;
  return text.indexOf(token) !== -1;
};

const split: Builtin = (args, input) => {
  const [text, separator, limit] = validateArguments('split', args, input) as [string, unknown, number];
  if (text === undefined) return undefined;
  if (limit < 0) fail('D3020', limit);
  if (typeof separator !== 'string') throw FALLBACK;
  return limit === undefined || limit > 0 ? text.split(separator, limit) : [];
};

const now: Builtin = (args, input, context) => {
  const [picture, timezone] = validateArguments('now', args, input);
  return definitions.fromMillis!.implementation.call(context.focus, context.now(), picture, timezone);
};

const millis: Builtin = (args, input, context) => {
  validateArguments('millis', args, input);
  return context.now();
};

/** The built-ins a compiled expression may call by name, except the higher-order ones (see calls.ts). */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ...DIRECT.map((name): [string, Builtin] => [name, direct(name)]),
  ['contains', contains],
  ['split', split],
  ['now', now],
  ['millis', millis],
]);
