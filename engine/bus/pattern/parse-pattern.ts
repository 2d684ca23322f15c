/**
 * @module `parsePattern`: checks a pattern (object or JSON text), reports every problem with its JSON
 * pointer, and compiles it for the matchers.
 */
import { joinPointer } from '../../core/issues.js';
import { readPatternText } from './pattern-text.js';
import { PATTERN_LIMITS } from './limits.js';
import { describeType, isPlainObject, ParseContext, PatternTooLarge } from './parse-context.js';
import { parseList } from './parse-list.js';
import { OPERATOR_NAMES } from './parse-operator.js';
import type { FieldNode, ObjectNode, Pattern, PatternIssue } from './types.js';

/**
 * Operator names. Inside `$or` they may not name a field at all, elsewhere not with a plain value:
 * there they almost always mean a misplaced operator.
 */
const OPERATOR_KEYS = new Set<string>([...OPERATOR_NAMES, '=', '<', '<=', '>', '>=']);

interface Parsed {
  node: ObjectNode;
  json: Record<string, unknown>;
}

function parseOr(
  value: unknown,
  pointer: string,
  depth: number,
  context: ParseContext,
): Parsed[] | undefined {
  context.countNode(pointer);
  if (!Array.isArray(value) || value.length < 2) {
    const found = Array.isArray(value) ? `a list of ${value.length}` : describeType(value);
    context.issue(pointer, `"$or" takes a list of at least two pattern objects, found ${found}`);
    return undefined;
  }
  const branches: Parsed[] = [];
  value.forEach((branch, index) => {
    const at = joinPointer(pointer, index);
    if (!isPlainObject(branch)) {
      context.countNode(at);
      context.issue(at, `each "$or" branch must be a pattern object, found ${describeType(branch)}`);
      return;
    }
    const parsed = parseObject(branch, at, depth + 1, context, true);
    if (parsed) branches.push(parsed);
  });
  return branches.length === value.length ? branches : undefined;
}

function parseObject(
  object: Record<string, unknown>,
  pointer: string,
  depth: number,
  context: ParseContext,
  insideOr: boolean,
): Parsed | undefined {
  context.countNode(pointer);
  if (depth > PATTERN_LIMITS.maxDepth) {
    context.issue(pointer, `a pattern may nest at most ${PATTERN_LIMITS.maxDepth} levels deep`);
    return undefined;
  }
  const keys = Object.keys(object);
  if (keys.length === 0) {
    context.issue(pointer, 'an object in a pattern must not be empty');
    return undefined;
  }
  const before = context.issues.length;
  const node: ObjectNode = { fields: [], ors: [] };
  const json: Record<string, unknown> = {};
  for (const key of keys) {
    const at = joinPointer(pointer, key);
    const value = object[key];
    if (key === '$or') {
      const branches = parseOr(value, at, depth, context);
      if (branches) {
        node.ors.push(branches.map((branch) => branch.node));
        json[key] = branches.map((branch) => branch.json);
      }
      continue;
    }
    if (insideOr && OPERATOR_KEYS.has(key)) {
      const hint = `inside "$or" write {"field": [{"${key}": ...}]}`;
      context.issue(at, `"${key}" is an operator, not a field name; ${hint}`);
      continue;
    }
    const field = parseField(key, value, at, depth, context, insideOr);
    if (field) {
      node.fields.push(field.node);
      // defineProperty: a "__proto__" field is data, never the prototype
      const property = { value: field.json, enumerable: true, writable: true, configurable: true };
      Object.defineProperty(json, key, property);
    }
  }
  return context.issues.length > before ? undefined : { node, json };
}

function parseField(
  key: string,
  value: unknown,
  pointer: string,
  depth: number,
  context: ParseContext,
  insideOr: boolean,
): { node: FieldNode; json: unknown } | undefined {
  if (isPlainObject(value)) {
    const parsed = parseObject(value, pointer, depth + 1, context, insideOr);
    return parsed && { node: { key, kind: 'object', object: parsed.node }, json: parsed.json };
  }
  if (!Array.isArray(value) && OPERATOR_KEYS.has(key)) {
    // {"subject": {"prefix": "ins-"}} is far more often a misplaced operator than a field named "prefix"
    const hint = `to use the operator write [{"${key}": ...}]; for a field of that name, a list of values`;
    context.issue(pointer, `"${key}" is an operator name; ${hint}`);
    return undefined;
  }
  if (Array.isArray(value) && depth + 1 > PATTERN_LIMITS.maxDepth) {
    context.issue(pointer, `a pattern may nest at most ${PATTERN_LIMITS.maxDepth} levels deep`);
    return undefined;
  }
  const list = parseList(value, pointer, context);
  return list && { node: { key, kind: 'conditions', conditions: list.conditions }, json: list.json };
}

/** How many alternatives the `$or`s expand to (each `$or` multiplies by its branch total). */
function countCombinations(node: ObjectNode): number {
  let total = 1;
  for (const field of node.fields) {
    if (field.kind === 'object') total *= countCombinations(field.object);
  }
  for (const branches of node.ors) {
    total *= branches.reduce((sum, branch) => sum + countCombinations(branch), 0);
  }
  return total;
}

function readInput(pattern: unknown, context: ParseContext): unknown {
  if (typeof pattern !== 'string') return pattern;
  if (pattern.length > PATTERN_LIMITS.maxTextLength) {
    context.issue('', `pattern text may have at most ${PATTERN_LIMITS.maxTextLength} characters`);
    return undefined;
  }
  const read = readPatternText(pattern);
  if (read.ok) return read.value;
  context.issues.push(...read.issues);
  return undefined;
}

/**
 * Parses and checks a pattern (an object, or JSON text); every problem with its pointer.
 *
 * @example
 * const parsed = parsePattern({ source: 'cvm.cloud.tencent', subject: [{ prefix: 'ins-' }] });
 * if (parsed.ok) matchesPattern(parsed.pattern, event);
 */
export function parsePattern(
  pattern: unknown,
): { ok: true; pattern: Pattern } | { ok: false; issues: PatternIssue[] } {
  const context = new ParseContext();
  try {
    const input = readInput(pattern, context);
    if (context.issues.length > 0) return { ok: false, issues: context.issues };
    if (!isPlainObject(input)) {
      context.issue('', `a pattern must be a JSON object, found ${describeType(input)}`);
      return { ok: false, issues: context.issues };
    }
    const parsed = parseObject(input, '', 1, context, false);
    if (!parsed) return { ok: false, issues: context.issues };
    const combinations = countCombinations(parsed.node);
    if (combinations > PATTERN_LIMITS.maxOrCombinations) {
      const limit = PATTERN_LIMITS.maxOrCombinations;
      const message = `the "$or" lists expand to ${combinations} combinations; at most ${limit} are allowed`;
      context.issue('', message);
      return { ok: false, issues: context.issues };
    }
    const json = JSON.parse(JSON.stringify(parsed.json)) as Record<string, unknown>;
    return { ok: true, pattern: Object.freeze({ json, root: parsed.node }) };
  } catch (error) {
    if (error instanceof PatternTooLarge) return { ok: false, issues: context.issues };
    // an object with throwing getters or proxies: report it, never crash the caller
    const reason = error instanceof Error ? error.message : String(error);
    context.issue('', `the pattern could not be read: ${reason}`);
    return { ok: false, issues: context.issues };
  }
}
