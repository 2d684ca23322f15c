/**
 * @module The compiled matcher for all rules of a bus. Each rule alternative becomes a chain in one
 * shared automaton (see automaton.ts); an event is walked once to collect the scalars of the paths
 * rules read, then the automaton is run from its root, following the transitions those scalars
 * satisfy (exact values and prefixes by hash lookup, ranges by sorted search, `anything-but` by what
 * the value excludes, `exists` by whether the path has scalars). An alternative reached this way is a
 * match, or, when it has conditions the automaton cannot decide (or the event has lists of objects,
 * where array consistency matters), a candidate confirmed with the rule's own matcher.
 */
import { anchorFirst, MentionCounts } from './anchor-choice.js';
import { addChain, type AutomatonHost, type ChainStep, type Edge, removeChain, State } from './automaton.js';
import { isEventObject } from './event-values.js';
import { isPattern, matchesPattern, matchObject } from './match.js';
import { EventScalars, PathTrie } from './path-trie.js';
import { type Alternative, type IndexedField, planRule } from './rule-plan.js';
import type { SlotSink, Slots } from './slot-lists.js';
import type { Pattern } from './types.js';

/** All rules of a bus compiled together; add/remove one rule without rebuilding the rest. */
export interface RuleMatcher {
  /** Adds a rule, or replaces the rule with the same id. */
  add(ruleId: string, pattern: Pattern): void;
  /** Removes a rule; false when there was none with that id. */
  remove(ruleId: string): boolean;
  /** The ids of the rules the event matches, in no particular order; never throws. */
  match(event: unknown): string[];
  readonly size: number;
}

interface Accepting {
  rule: RuleRecord;
  /** No field was left to the rule's own matcher. */
  exact: boolean;
  /** Fields decided by the automaton. */
  fields: number;
  /** Holds `{"exists": false}`: with lists of objects, only the rule's own matcher can decide it. */
  negative: boolean;
}

/** One alternative filed in the automaton: its fields in chain order (anchor first) and its steps. */
interface Chain {
  plan: Alternative;
  fields: IndexedField[];
  steps: ChainStep[];
  end: State;
  alternative: number;
}

/** Rules whose anchor is looked at again after each add: anchors chosen early improve as rules arrive. */
const RECONSIDERED_PER_ADD = 3;

interface RuleRecord {
  id: string;
  pattern: Pattern;
  chains: Chain[];
  /** The match that last accepted this rule, and the one that last ran its own matcher. */
  acceptedIn: number;
  checkedIn: number;
}

class CompiledRules implements RuleMatcher, SlotSink<State>, AutomatonHost {
  private readonly rules = new Map<string, RuleRecord>();
  private readonly root = new State();
  private readonly paths = new PathTrie();
  private readonly scalars = new EventScalars();
  private readonly alternatives: Array<Accepting | undefined> = [];
  private readonly freeAlternatives: number[] = [];
  private readonly stack: State[] = [];
  private readonly mentions = new MentionCounts();
  /** Walks the rules round-robin, a few per add, to re-anchor them (see `reconsider`). */
  private cursor: Iterator<RuleRecord> | undefined;
  private stackSize = 0;
  private epoch = 0;

  get size(): number {
    return this.rules.size;
  }

  usePath(path: readonly string[]): number {
    return this.paths.use(path);
  }

  releasePath(path: readonly string[]): void {
    this.paths.release(path);
  }

  add(ruleId: string, pattern: Pattern): void {
    if (!isPattern(pattern)) throw new TypeError(`rule "${ruleId}": not a parsed pattern (use parsePattern)`);
    this.remove(ruleId);
    const rule: RuleRecord = { id: ruleId, pattern, chains: [], acceptedIn: 0, checkedIn: 0 };
    const plans = planRule(pattern);
    for (const plan of plans) for (const field of plan.indexed) this.mentions.add(field.mentionKeys);
    for (const plan of plans) {
      const fields = this.chainOrder(plan);
      const steps = addChain(this.root, fields, this);
      const end = steps.length > 0 ? steps[steps.length - 1]!.transition.target : this.root;
      const alternative = this.freeAlternatives.pop() ?? this.alternatives.length;
      const exact = plan.residual === 0;
      this.alternatives[alternative] = { rule, exact, fields: fields.length, negative: plan.negative };
      end.accept(alternative);
      rule.chains.push({ plan, fields, steps, end, alternative });
    }
    this.rules.set(ruleId, rule);
    this.reconsider(RECONSIDERED_PER_ADD);
  }

  private chainOrder(plan: Alternative): IndexedField[] {
    const keys = plan.indexed.map((field) => field.mentionKeys);
    return anchorFirst(plan.indexed, keys, this.mentions);
  }

  /** Re-anchors the next few rules when the counts now favour another field. */
  private reconsider(count: number): void {
    for (let done = 0; done < count; done++) {
      let next = this.cursor?.next();
      if (next === undefined || next.done) {
        this.cursor = this.rules.values();
        next = this.cursor.next();
      }
      if (next.done) return;
      for (const chain of next.value.chains) this.reanchor(chain);
    }
  }

  /** Files the chain under its best anchor now; the new chain is added before the old one goes. */
  private reanchor(chain: Chain): void {
    const fields = this.chainOrder(chain.plan);
    if (fields.length === 0 || fields[0] === chain.fields[0]) return;
    const steps = addChain(this.root, fields, this);
    const end = steps[steps.length - 1]!.transition.target;
    chain.end.unaccept(chain.alternative);
    removeChain(chain.steps, this);
    end.accept(chain.alternative);
    Object.assign(chain, { fields, steps, end });
  }

  remove(ruleId: string): boolean {
    const rule = this.rules.get(ruleId);
    if (!rule) return false;
    for (const chain of rule.chains) {
      for (const field of chain.plan.indexed) this.mentions.remove(field.mentionKeys);
      chain.end.unaccept(chain.alternative);
      this.alternatives[chain.alternative] = undefined;
      this.freeAlternatives.push(chain.alternative);
      removeChain(chain.steps, this);
    }
    this.rules.delete(ruleId);
    return true;
  }

  /** Called by the indexes with the states that one event scalar's satisfied conditions lead to. */
  mark(states: Slots<State>): void {
    const epoch = this.epoch;
    if (!Array.isArray(states)) {
      if (states.reachedIn === epoch) return;
      states.reachedIn = epoch;
      this.stack[this.stackSize++] = states;
      return;
    }
    for (let index = 0; index < states.length; index++) {
      const state = states[index]!;
      if (state.reachedIn === epoch) continue;
      state.reachedIn = epoch;
      this.stack[this.stackSize++] = state;
    }
  }

  match(event: unknown): string[] {
    if (!isEventObject(event)) return [];
    try {
      return this.run(event);
    } catch {
      // an event that cannot be walked (a throwing getter, ...): fall back to each rule on its own
      const rules = [...this.rules.values()];
      return rules.filter((rule) => matchesPattern(rule.pattern, event)).map((rule) => rule.id);
    }
  }

  private nextEpoch(): number {
    if (this.epoch >= 0x3fffffff) {
      this.epoch = 0;
      this.resetStates(this.root);
      this.scalars.stamps.fill(0);
      for (const rule of this.rules.values()) rule.acceptedIn = rule.checkedIn = 0;
    }
    return ++this.epoch;
  }

  private resetStates(state: State): void {
    state.reachedIn = 0;
    for (const edge of state.edges) {
      for (const transition of edge.transitions.values()) this.resetStates(transition.target);
    }
  }

  private run(event: object): string[] {
    const epoch = this.nextEpoch();
    const scalars = this.scalars;
    scalars.epoch = epoch;
    scalars.sawObjectInList = false;
    this.paths.collect(event, scalars);
    const consistent = !scalars.sawObjectInList;
    const matched: string[] = [];
    this.stackSize = 0;
    this.stack[this.stackSize++] = this.root;
    while (this.stackSize > 0) {
      const state = this.stack[--this.stackSize]!;
      if (state.acceptCount > 0) {
        const accepts = state.accepts;
        for (let index = 0; index < accepts.length; index++) {
          this.accept(this.alternatives[accepts[index]!]!, event, consistent, epoch, matched);
        }
      }
      const soleEdge = state.soleEdge;
      if (soleEdge !== undefined) {
        this.follow(soleEdge, consistent, epoch);
        continue;
      }
      const edges = state.edges;
      for (let index = 0; index < edges.length; index++) this.follow(edges[index]!, consistent, epoch);
    }
    return matched;
  }

  /** Looks the event's scalars at the edge's path up in its index. */
  private follow(edge: Edge, consistent: boolean, epoch: number): void {
    const scalars = this.scalars;
    // with lists of objects, a field absent from one element may hold scalars in another
    if (!consistent || scalars.stamps[edge.pathId] !== epoch) edge.findAbsent(this);
    if (scalars.stamps[edge.pathId] !== epoch) return;
    const values = scalars.values[edge.pathId]!;
    const count = scalars.counts[edge.pathId]!;
    for (let value = 0; value < count; value++) edge.find(values[value]!, this);
  }

  private accept(
    accepting: Accepting,
    event: object,
    consistent: boolean,
    epoch: number,
    matched: string[],
  ): void {
    const rule = accepting.rule;
    if (rule.acceptedIn === epoch) return;
    if (accepting.exact && (consistent || (accepting.fields <= 1 && !accepting.negative))) {
      rule.acceptedIn = epoch;
      matched.push(rule.id);
      return;
    }
    if (rule.checkedIn === epoch) return;
    rule.checkedIn = epoch;
    if (matchObject(rule.pattern.root, event)) {
      rule.acceptedIn = epoch;
      matched.push(rule.id);
    }
  }
}

/**
 * Creates an empty matcher for the rules of one bus.
 *
 * @example
 * const matcher = createRuleMatcher();
 * matcher.add('cvm-alarms', parsed.pattern);
 * matcher.match(event); // ['cvm-alarms']
 */
export function createRuleMatcher(): RuleMatcher {
  return new CompiledRules();
}
