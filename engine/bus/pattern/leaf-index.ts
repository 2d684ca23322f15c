/**
 * @module The conditions leaving one automaton state on one field path, indexed so that an event
 * value finds the conditions it satisfies without testing them one by one. Sub-indexes are created
 * on first use: most edges only ever hold exact values.
 */
import { AffixIndex } from './affix-index.js';
import { CidrIndex } from './cidr-index.js';
import { internalized } from './event-values.js';
import { ExclusionIndex } from './exclusion-index.js';
import { NumericIndex } from './numeric-index.js';
import { addSlot, removeSlot, type SlotSink, type Slots } from './slot-lists.js';
import type { Condition, Scalar } from './types.js';
import { WildcardIndex } from './wildcard-index.js';

const ASCII = /^[\x00-\x7f]*$/;
const LEADING_ASCII = /^[\x00-\x7f]*/;
const TRAILING_ASCII = /[\x00-\x7f]*$/;

/**
 * A condition the index can hold: everything but `contain`, `array`, and `anything-but` of
 * case-insensitive forms or wildcards.
 */
export type IndexableCondition = Extract<
  Condition,
  {
    kind:
      | 'equals'
      | 'prefix'
      | 'suffix'
      | 'equals-ignore-case'
      | 'numeric'
      | 'cidr'
      | 'wildcard'
      | 'anything-but'
      | 'exists';
  }
>;

/** Whether a condition can live in a leaf index (otherwise its rule is confirmed by its own matcher). */
export function isIndexable(condition: Condition): condition is IndexableCondition {
  switch (condition.kind) {
    case 'equals':
    case 'numeric':
    case 'cidr':
    case 'wildcard':
    case 'exists':
      return true;
    case 'anything-but':
      return condition.excluded.kind !== 'tested';
    case 'prefix':
    case 'suffix':
      return !condition.ignoreCase || ASCII.test(condition.value);
    case 'equals-ignore-case':
      return ASCII.test(condition.value);
    default:
      return false;
  }
}

/** Case-insensitive (ASCII) forms, kept lower-cased. */
class IgnoreCaseIndex<S> {
  readonly equals = new Map<string, Slots<S>>();
  readonly prefixes = new AffixIndex<S>('start');
  readonly suffixes = new AffixIndex<S>('end');
  uses = 0;

  /** An ASCII pattern character matches only ASCII characters: only a value's ASCII part can match. */
  find(value: string, sink: SlotSink<S>): void {
    if (ASCII.test(value)) {
      const lower = value.toLowerCase();
      const slots = this.equals.get(lower);
      if (slots !== undefined) sink.mark(slots);
      this.prefixes.find(lower, sink);
      this.suffixes.find(lower, sink);
      return;
    }
    this.prefixes.find(LEADING_ASCII.exec(value)![0].toLowerCase(), sink);
    this.suffixes.find(TRAILING_ASCII.exec(value)![0].toLowerCase(), sink);
  }
}

/** The indexed conditions of one edge; a slot is what a satisfied condition leads to. */
export class LeafIndex<S> {
  private equals: Map<Scalar, Slots<S>> | undefined;
  /**
   * The one exact value of `equals` while it holds one (most states past a rule's anchor test one
   * value): compared directly, which spares the lookup the map's memory (see `refreshSoleValue`).
   */
  private soleValue: Scalar = null;
  private soleSlots: Slots<S> | undefined;
  private prefixes: AffixIndex<S> | undefined;
  private suffixes: AffixIndex<S> | undefined;
  private ignoreCase: IgnoreCaseIndex<S> | undefined;
  private numeric: NumericIndex<S> | undefined;
  private cidrs: CidrIndex<S> | undefined;
  private wildcards: WildcardIndex<S> | undefined;
  private exclusions: ExclusionIndex<S> | undefined;
  /** Slots of `{"exists": true}` (any scalar satisfies it) and of `{"exists": false}`. */
  private readonly present: S[] = [];
  private readonly absent: S[] = [];
  /** `present.length > 0`, kept here so that a lookup does not load the list (a cache line of its own). */
  private hasPresent = false;
  private strings = false;

  /** Whether some condition here is satisfied by a field without scalars (see `findAbsent`). */
  get hasAbsent(): boolean {
    return this.absent.length > 0;
  }

  /** Registers a condition; returns how to take it out again. */
  add(condition: IndexableCondition, slot: S): () => void {
    switch (condition.kind) {
      case 'equals': {
        const equals = (this.equals ??= new Map<Scalar, Slots<S>>());
        const value = typeof condition.value === 'string' ? internalized(condition.value) : condition.value;
        addSlot(equals, value, slot);
        this.refreshSoleValue();
        return () => {
          removeSlot(equals, value, slot);
          this.refreshSoleValue();
        };
      }
      case 'numeric': {
        const numeric = (this.numeric ??= new NumericIndex<S>());
        numeric.add(condition.range, slot);
        return () => numeric.remove(condition.range, slot);
      }
      case 'cidr': {
        const cidrs = (this.cidrs ??= new CidrIndex<S>());
        cidrs.add(condition.block, slot);
        this.strings = true;
        return () => cidrs.remove(condition.block, slot);
      }
      case 'exists': {
        const slots = condition.exists ? this.present : this.absent;
        slots.push(slot);
        this.hasPresent = this.present.length > 0;
        return () => {
          slots.splice(slots.indexOf(slot), 1);
          this.hasPresent = this.present.length > 0;
        };
      }
      case 'anything-but':
        if (condition.excluded.kind === 'tested') throw new TypeError('anything-but not indexable');
        return (this.exclusions ??= new ExclusionIndex<S>()).add(condition.excluded, slot);
      case 'wildcard':
        this.strings = true;
        if (this.wildcards === undefined) {
          const starts = (this.prefixes ??= new AffixIndex<S>('start'));
          this.wildcards = new WildcardIndex<S>(starts, (this.suffixes ??= new AffixIndex<S>('end')));
        }
        return this.wildcards.add(condition.wildcard, slot);
      case 'equals-ignore-case':
        return this.addIgnoringCase('equals', condition.value.toLowerCase(), slot);
      default:
        this.strings = true;
        if (condition.ignoreCase) {
          const part = condition.kind === 'prefix' ? 'prefixes' : 'suffixes';
          return this.addIgnoringCase(part, condition.value.toLowerCase(), slot);
        }
        const affixes =
          condition.kind === 'prefix'
            ? (this.prefixes ??= new AffixIndex<S>('start'))
            : (this.suffixes ??= new AffixIndex<S>('end'));
        return this.addAffix(affixes, condition.value, slot);
    }
  }

  private addAffix(affixes: AffixIndex<S>, text: string, slot: S): () => void {
    affixes.add(text, slot);
    return () => affixes.remove(text, slot);
  }

  private addIgnoringCase(part: 'equals' | 'prefixes' | 'suffixes', lower: string, slot: S): () => void {
    const index = (this.ignoreCase ??= new IgnoreCaseIndex<S>());
    index.uses++;
    this.strings = true;
    if (part === 'equals') addSlot(index.equals, lower, slot);
    else index[part].add(lower, slot);
    return () => {
      index.uses--;
      if (part === 'equals') removeSlot(index.equals, lower, slot);
      else index[part].remove(lower, slot);
    };
  }

  private refreshSoleValue(): void {
    this.soleSlots = undefined;
    if (this.equals?.size !== 1) return;
    const [value, slots] = this.equals.entries().next().value!;
    this.soleValue = value;
    this.soleSlots = slots;
  }

  /** Marks the conditions a field without scalars satisfies (`{"exists": false}`). */
  findAbsent(sink: SlotSink<S>): void {
    if (this.absent.length > 0) sink.mark(this.absent);
  }

  /** Marks every condition that one event scalar satisfies. */
  find(value: Scalar, sink: SlotSink<S>): void {
    if (this.hasPresent) sink.mark(this.present);
    if (this.exclusions !== undefined && this.exclusions.size > 0) this.exclusions.find(value, sink);
    if (this.soleSlots !== undefined) {
      // the same equality as the map's (SameValueZero): values are never NaN
      if (value === this.soleValue) sink.mark(this.soleSlots);
    } else if (this.equals !== undefined) {
      const slots = this.equals.get(value);
      if (slots !== undefined) sink.mark(slots);
    }
    if (typeof value === 'string') {
      if (this.strings) this.findString(value, sink);
    } else if (typeof value === 'number' && this.numeric !== undefined) {
      this.numeric.find(value, sink);
    }
  }

  private findString(value: string, sink: SlotSink<S>): void {
    this.prefixes?.find(value, sink);
    this.suffixes?.find(value, sink);
    if (this.ignoreCase !== undefined && this.ignoreCase.uses > 0) this.ignoreCase.find(value, sink);
    this.wildcards?.find(value, sink);
    this.cidrs?.find(value, sink);
  }
}
