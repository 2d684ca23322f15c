/**
 * @module How the rule matcher files one pattern: its `$or`s expanded into alternatives, each a set of
 * field paths with their condition lists, split into the fields an index can find and the rest.
 */
import { MentionCounts } from './anchor-choice.js';
import { orderFields } from './automaton.js';
import { isIndexable, type IndexableCondition } from './leaf-index.js';
import type { ConditionList, ObjectNode, Pattern } from './types.js';

/** A field condition list at a path from the event root. */
export interface PathConditions {
  path: string[];
  conditions: ConditionList;
}

/** A field whose every condition an index can decide; `key` identifies the condition list. */
export interface IndexedField {
  rank: number;
  path: string[];
  key: string;
  conditions: IndexableCondition[];
  /** What the field's conditions are counted under when anchors are chosen (see anchor-choice.ts). */
  mentionKeys: string[];
}

/** One alternative of a rule: the event matches the rule when it matches any alternative. */
export interface Alternative {
  /** Fields whose every condition is indexable, in static chain order (the anchor is chosen later). */
  indexed: IndexedField[];
  /** How many fields the index cannot decide (`contain`, `array`, some `anything-but` forms). */
  residual: number;
  /** Some indexed field holds `{"exists": false}`, which the union of list elements cannot decide. */
  negative: boolean;
}

/** How costly a condition is to look up: the automaton tests cheap fields first. */
const RANKS: Record<IndexableCondition['kind'], number> = {
  equals: 0,
  prefix: 1,
  suffix: 1,
  'equals-ignore-case': 1,
  numeric: 2,
  wildcard: 3,
  cidr: 4,
  // satisfied by most values: tested last, once the selective fields have narrowed the rules down
  'anything-but': 5,
  exists: 5,
};

function expand(node: ObjectNode, path: string[]): PathConditions[][] {
  let alternatives: PathConditions[][] = [[]];
  const combine = (options: PathConditions[][]): void => {
    alternatives = alternatives.flatMap((left) => options.map((right) => [...left, ...right]));
  };
  for (const field of node.fields) {
    const fieldPath = [...path, field.key];
    if (field.kind === 'object') combine(expand(field.object, fieldPath));
    else combine([[{ path: fieldPath, conditions: field.conditions }]]);
  }
  for (const branches of node.ors) combine(branches.flatMap((branch) => expand(branch, path)));
  return alternatives;
}

function isIndexableList(list: ConditionList): boolean {
  return list.whole.length === 0 && list.all.every(isIndexable);
}

/**
 * Splits a pattern into alternatives (at most `maxOrCombinations`, which `parsePattern` enforces).
 *
 * @example
 * planRule(parsePattern({ source: ['a'], $or: [{ x: [1] }, { y: [{ exists: false }] }] }).pattern);
 * // [{ indexed: [source, x], ... }, { indexed: [source, y], negative: true, ... }]
 */
export function planRule(pattern: Pattern): Alternative[] {
  return expand(pattern.root, []).map((fields) => {
    const alternative: Alternative = { indexed: [], residual: 0, negative: false };
    for (const field of fields) {
      if (isIndexableList(field.conditions)) {
        const conditions = field.conditions.all as IndexableCondition[];
        if (field.conditions.existsFalse) alternative.negative = true;
        const key = JSON.stringify(conditions.map((condition) => condition.source));
        const rank = Math.max(...conditions.map((condition) => RANKS[condition.kind]));
        const indexed = { rank, path: field.path, key, conditions, mentionKeys: [] as string[] };
        indexed.mentionKeys = MentionCounts.keysOf(indexed);
        alternative.indexed.push(indexed);
      } else {
        alternative.residual++;
      }
    }
    alternative.indexed = orderFields(alternative.indexed);
    return alternative;
  });
}
