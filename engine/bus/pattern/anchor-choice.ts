/**
 * @module Which field a rule alternative's chain starts with (its anchor). The automaton's root is
 * where every event looks, so each chain should start at the field that narrows the rules down most:
 * the condition list fewest other rules mention. `subject: ["ins-1"]` anchors a rule, not the
 * `source` that thousands of rules share, so an event reaches only the rules for its own subject.
 */

/** A field of an alternative as the chain files it. */
export interface AnchorCandidate {
  rank: number;
  path: string[];
  key: string;
}

/**
 * What an anchor of each rank costs per mention (ranks as in rule-plan.ts). Exact values cost least;
 * prefixes, suffixes, wildcards and CIDR blocks are looked up by length and may hold many values.
 * Numeric ranges, `anything-but` and `exists` never anchor a chain unless nothing else is there:
 * however few rules mention one threshold, most values satisfy it.
 */
const COST_PER_MENTION = [1, 2, Infinity, 2, 2, Infinity];

/** How many rule fields mention each condition, by path and condition. */
export class MentionCounts {
  private readonly counts = new Map<string, number>();

  /** The keys one field's conditions are counted under. */
  static keysOf(field: AnchorCandidate & { conditions: Array<{ source: unknown }> }): string[] {
    const path = JSON.stringify(field.path);
    return field.conditions.map((condition) => `${path}\u0000${JSON.stringify(condition.source)}`);
  }

  add(keys: readonly string[]): void {
    for (const key of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  remove(keys: readonly string[]): void {
    for (const key of keys) {
      const count = (this.counts.get(key) ?? 1) - 1;
      if (count > 0) this.counts.set(key, count);
      else this.counts.delete(key);
    }
  }

  /** Rules an event value satisfying any of these conditions would reach, at most. */
  reach(keys: readonly string[]): number {
    let total = 0;
    for (const key of keys) total += this.counts.get(key) ?? 0;
    return total;
  }
}

/**
 * The fields (in their static chain order) with the anchor moved to the front: the selective field
 * the fewest rules mention (weighted by `COST_PER_MENTION`); ties keep the static order.
 */
export function anchorFirst<T extends AnchorCandidate>(
  fields: readonly T[],
  mentionKeys: readonly string[][],
  mentions: MentionCounts,
): T[] {
  let best = -1;
  let bestReach = Infinity;
  for (let index = 0; index < fields.length; index++) {
    const cost = COST_PER_MENTION[fields[index]!.rank] ?? Infinity;
    if (cost === Infinity) continue;
    const reach = cost * mentions.reach(mentionKeys[index]!);
    if (reach < bestReach) {
      best = index;
      bestReach = reach;
    }
  }
  if (best <= 0) return [...fields];
  return [fields[best]!, ...fields.slice(0, best), ...fields.slice(best + 1)];
}
