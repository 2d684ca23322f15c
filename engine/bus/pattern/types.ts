/**
 * @module Types of the event pattern language: what `parsePattern` produces and the matchers read.
 */
import type { CidrBlock } from './cidr.js';
import type { Wildcard } from './wildcard.js';

/** One problem in a pattern: where it is (JSON pointer inside the pattern) and what was expected. */
export interface PatternIssue {
  pointer: string;
  message: string;
}

/** A JSON scalar: the only kind of event value that leaf conditions look at. */
export type Scalar = string | number | boolean | null;

/** A numeric interval; a missing bound is unbounded. */
export interface NumericRange {
  lower?: number;
  lowerInclusive: boolean;
  upper?: number;
  upperInclusive: boolean;
}

interface ConditionBase {
  /** The list element as written in the pattern, for explanations. */
  source: unknown;
}

/** Tests one scalar found at the field (each element of an event array is tested on its own). */
interface LeafTest {
  test(value: Scalar): boolean;
}

/**
 * What an `anything-but` excludes, as the rule matcher indexes it: values (hash lookup) or string
 * prefixes/suffixes (affix lookup); `tested` (case-insensitive forms, wildcards) is only tested.
 */
export type Exclusion =
  | { kind: 'values'; values: Scalar[] }
  | { kind: 'prefix' | 'suffix'; texts: string[] }
  | { kind: 'tested' };

/**
 * One compiled element of a field's value list. The kinds the rule matcher indexes carry their data
 * (`value`, `range`); the others are only tested.
 */
export type Condition =
  | (ConditionBase & LeafTest & { kind: 'equals'; value: Scalar })
  | (ConditionBase & LeafTest & { kind: 'prefix' | 'suffix'; value: string; ignoreCase: boolean })
  | (ConditionBase & LeafTest & { kind: 'equals-ignore-case'; value: string })
  | (ConditionBase & LeafTest & { kind: 'numeric'; range: NumericRange })
  | (ConditionBase & LeafTest & { kind: 'wildcard'; wildcard: Wildcard })
  | (ConditionBase & LeafTest & { kind: 'cidr'; block: CidrBlock })
  | (ConditionBase & LeafTest & { kind: 'anything-but'; excluded: Exclusion })
  | (ConditionBase & LeafTest & { kind: 'contain' })
  | (ConditionBase & { kind: 'exists'; exists: boolean })
  /** Tencent's `array`: tested against the field's whole value, not against its scalars. */
  | (ConditionBase & { kind: 'array'; testField(value: unknown): boolean });

/** The conditions on one field, ORed, with what the matchers need precomputed. */
export interface ConditionList {
  all: Condition[];
  /** Conditions tested per scalar (everything but `exists` and `array`). */
  leaf: Array<Extract<Condition, LeafTest>>;
  /** `array` conditions, tested against the field's value. */
  whole: Array<Extract<Condition, { kind: 'array' }>>;
  /** The list holds `{"exists": true}`: any scalar satisfies it. */
  existsTrue: boolean;
  /** The list holds `{"exists": false}`: a field without scalars satisfies it. */
  existsFalse: boolean;
}

/** One key of a pattern object: either nested fields or a list of conditions. */
export type FieldNode =
  | { key: string; kind: 'object'; object: ObjectNode }
  | { key: string; kind: 'conditions'; conditions: ConditionList };

/** A pattern object: every field must match, and every `$or` must have a matching branch. */
export interface ObjectNode {
  fields: FieldNode[];
  /** Each entry is one `$or`: a list of branches, each an object matched against the same event object. */
  ors: ObjectNode[][];
}

/**
 * A parsed, checked and compiled pattern. Build it with `parsePattern`; it is immutable and can be
 * shared by any number of matchers.
 */
export interface Pattern {
  /** The pattern as JSON, normalized: a plain value becomes a one-element list; a repeated key, its last. */
  readonly json: Record<string, unknown>;
  /** The compiled form the matchers walk. */
  readonly root: ObjectNode;
}
