/**
 * @module Checks and compiles one operator object of a value list (`{"prefix": "ins-"}`, ...).
 */
import { joinPointer } from '../../core/issues.js';
import { parseAnythingBut } from './anything-but.js';
import { parseArrayOperator } from './array-operator.js';
import { cidrContains, parseCidr } from './cidr.js';
import { ignoreCaseTest } from './ignore-case.js';
import { inRange, parseNumeric } from './numeric.js';
import { readSingleKey, readStrings } from './operator-values.js';
import { describeType, isPlainObject, type ParseContext } from './parse-context.js';
import type { Condition, Scalar } from './types.js';
import { parseWildcard, wildcardMatches } from './wildcard.js';

/** Every operator name, in the order messages list them. */
export const OPERATOR_NAMES = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
  'wildcard',
  'contain',
  'array',
  'exactly',
] as const;

type Parser = (
  value: unknown,
  pointer: string,
  context: ParseContext,
  source: unknown,
) => Condition | undefined;

function string(name: string, value: unknown, pointer: string, context: ParseContext): string | undefined {
  return readStrings(value, pointer, { name, list: false, allowEmpty: true }, context)?.[0];
}

/** `prefix` / `suffix`: a string, or `{"equals-ignore-case": string}`. */
function affix(kind: 'prefix' | 'suffix'): Parser {
  return (value, pointer, context, source) => {
    let text: string | undefined;
    let ignoreCase = false;
    if (isPlainObject(value)) {
      const inner = readSingleKey(value, pointer, `the object under "${kind}"`, context);
      if (!inner) return undefined;
      if (inner.key !== 'equals-ignore-case') {
        const message = `"${kind}" accepts only "equals-ignore-case" inside, found "${inner.key}"`;
        context.issue(joinPointer(pointer, inner.key), message);
        return undefined;
      }
      text = string('equals-ignore-case', inner.value, joinPointer(pointer, inner.key), context);
      ignoreCase = true;
    } else {
      text = string(kind, value, pointer, context);
    }
    if (text === undefined) return undefined;
    const needle = text;
    const test = ignoreCase
      ? ignoreCaseTest(needle, kind === 'prefix' ? 'start' : 'end')
      : kind === 'prefix'
        ? (candidate: string) => candidate.startsWith(needle)
        : (candidate: string) => candidate.endsWith(needle);
    return { kind, value: needle, ignoreCase, source, test: (v) => typeof v === 'string' && test(v) };
  };
}

const PARSERS: Record<(typeof OPERATOR_NAMES)[number], Parser> = {
  prefix: affix('prefix'),
  suffix: affix('suffix'),
  'equals-ignore-case': (value, pointer, context, source) => {
    const text = string('equals-ignore-case', value, pointer, context);
    if (text === undefined) return undefined;
    const test = ignoreCaseTest(text, 'whole');
    return { kind: 'equals-ignore-case', value: text, source, test: (v) => typeof v === 'string' && test(v) };
  },
  exactly: (value, pointer, context, source) => {
    const text = string('exactly', value, pointer, context);
    return text === undefined ? undefined : { kind: 'equals', value: text, source, test: (v) => v === text };
  },
  wildcard: (value, pointer, context, source) => {
    const text = string('wildcard', value, pointer, context);
    if (text === undefined) return undefined;
    const wildcard = parseWildcard(text);
    if (typeof wildcard === 'string') return void context.issue(pointer, wildcard);
    const test = (v: Scalar): boolean => typeof v === 'string' && wildcardMatches(wildcard, v);
    return { kind: 'wildcard', wildcard, source, test };
  },
  numeric: (value, pointer, context, source) => {
    const range = parseNumeric(value, pointer, context);
    if (!range) return undefined;
    return { kind: 'numeric', range, source, test: (v) => typeof v === 'number' && inRange(range, v) };
  },
  exists: (value, pointer, context, source) => {
    if (typeof value === 'boolean') return { kind: 'exists', exists: value, source };
    return void context.issue(pointer, `"exists" takes true or false, found ${describeType(value)}`);
  },
  cidr: (value, pointer, context, source) => {
    const text = string('cidr', value, pointer, context);
    if (text === undefined) return undefined;
    const block = parseCidr(text);
    if (typeof block === 'string') return void context.issue(pointer, block);
    return { kind: 'cidr', block, source, test: (v) => typeof v === 'string' && cidrContains(block, v) };
  },
  contain: (value, pointer, context, source) => {
    const parts = readStrings(value, pointer, { name: 'contain', list: true, allowEmpty: false }, context);
    if (!parts) return undefined;
    const test = (v: Scalar): boolean => typeof v === 'string' && parts.every((part) => v.includes(part));
    return { kind: 'contain', source, test };
  },
  'anything-but': parseAnythingBut,
  array: parseArrayOperator,
};

function unknownOperator(name: string): string {
  const hint = name === 'contains' ? ' (the substring operator is spelled "contain")' : '';
  return `unknown operator "${name}"${hint}; expected one of ${OPERATOR_NAMES.join(', ')}`;
}

/**
 * Checks one operator object and compiles it; issues go to the context.
 *
 * @example
 * parseOperator({ prefix: 'ins-' }, '/subject/0', context); // { kind: 'prefix', value: 'ins-', ... }
 */
export function parseOperator(
  object: Record<string, unknown>,
  pointer: string,
  context: ParseContext,
): Condition | undefined {
  const entry = readSingleKey(object, pointer, 'an operator object', context);
  if (!entry) return undefined;
  const parser = PARSERS[entry.key as (typeof OPERATOR_NAMES)[number]];
  if (!Object.hasOwn(PARSERS, entry.key) || !parser) {
    context.issue(joinPointer(pointer, entry.key), unknownOperator(entry.key));
    return undefined;
  }
  return parser(entry.value, joinPointer(pointer, entry.key), context, object);
}
