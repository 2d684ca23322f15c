/**
 * @module The `anything-but` operator: a value or list to exclude, or an excluded prefix, suffix,
 * case-insensitive value or wildcard.
 */
import { joinPointer } from '../../core/issues.js';
import { ignoreCaseTest } from './ignore-case.js';
import { checkListSize, readSingleKey, readStrings } from './operator-values.js';
import { describeType, isPlainObject, type ParseContext } from './parse-context.js';
import type { Condition, Exclusion, Scalar } from './types.js';
import { parseWildcard, wildcardMatches } from './wildcard.js';

type StringTest = (value: string) => boolean;

/** An excluded string test, with what the rule matcher needs to index it. */
interface ExcludedTest {
  test: StringTest;
  excluded: Exclusion;
}

const INNER = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'] as const;

/** The excluded values: all strings or all numbers. */
function readExcludedValues(value: unknown, pointer: string, context: ParseContext): Set<Scalar> | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && !checkListSize(value, pointer, context)) return undefined;
  const types = new Set<string>();
  let valid = true;
  list.forEach((element, index) => {
    const at = Array.isArray(value) ? joinPointer(pointer, index) : pointer;
    context.countNode(at);
    const fine =
      (typeof element === 'string' && context.checkString(at, element)) ||
      (typeof element === 'number' && Number.isFinite(element));
    if (!fine) {
      if (typeof element !== 'string') {
        context.issue(at, `"anything-but" excludes strings or numbers, found ${describeType(element)}`);
      }
      valid = false;
      return;
    }
    types.add(typeof element);
  });
  if (!valid) return undefined;
  if (types.size > 1) {
    context.issue(pointer, '"anything-but" values must be all strings or all numbers, not a mix');
    return undefined;
  }
  return new Set(list as Scalar[]);
}

/** The string test excluded by `{"anything-but": {<prefix | suffix | equals-ignore-case | wildcard>: x}}`. */
function readExcludedTest(
  object: Record<string, unknown>,
  pointer: string,
  context: ParseContext,
): ExcludedTest | undefined {
  const entry = readSingleKey(object, pointer, 'the object under "anything-but"', context);
  if (!entry) return undefined;
  const at = joinPointer(pointer, entry.key);
  if (!(INNER as readonly string[]).includes(entry.key)) {
    context.issue(at, `"anything-but" accepts ${INNER.join(', ')} inside, found "${entry.key}"`);
    return undefined;
  }
  const affix = entry.key === 'prefix' || entry.key === 'suffix';
  const texts = readStrings(entry.value, at, { name: entry.key, list: true, allowEmpty: !affix }, context);
  if (!texts) return undefined;
  const tests: StringTest[] = [];
  for (const text of texts) {
    if (entry.key === 'prefix') tests.push((value) => value.startsWith(text));
    else if (entry.key === 'suffix') tests.push((value) => value.endsWith(text));
    else if (entry.key === 'equals-ignore-case') tests.push(ignoreCaseTest(text, 'whole'));
    else {
      const wildcard = parseWildcard(text);
      if (typeof wildcard === 'string') {
        context.issue(Array.isArray(entry.value) ? joinPointer(at, texts.indexOf(text)) : at, wildcard);
        return undefined;
      }
      tests.push((value) => wildcardMatches(wildcard, value));
    }
  }
  const excluded: Exclusion = affix ? { kind: entry.key as 'prefix' | 'suffix', texts } : { kind: 'tested' };
  const test: StringTest = tests.length === 1 ? tests[0]! : (value) => tests.some((one) => one(value));
  return { test, excluded };
}

/**
 * Checks and compiles an `anything-but`. It matches every scalar that the excluded part does not
 * match, whatever its type: `{"anything-but": [111]}` matches the string `"111"`.
 */
export function parseAnythingBut(
  value: unknown,
  pointer: string,
  context: ParseContext,
  source: unknown,
): Condition | undefined {
  if (isPlainObject(value)) {
    const inner = readExcludedTest(value, pointer, context);
    if (!inner) return undefined;
    const { test, excluded } = inner;
    return { kind: 'anything-but', source, excluded, test: (v) => !(typeof v === 'string' && test(v)) };
  }
  const values = readExcludedValues(value, pointer, context);
  if (!values) return undefined;
  const excluded: Exclusion = { kind: 'values', values: [...values] };
  if (values.size === 1) {
    const only = values.values().next().value;
    return { kind: 'anything-but', source, excluded, test: (v) => v !== only };
  }
  return { kind: 'anything-but', source, excluded, test: (v) => !values.has(v) };
}
