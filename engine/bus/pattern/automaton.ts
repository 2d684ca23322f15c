/**
 * @module The rule automaton: each rule alternative is a chain of transitions, one per indexed field
 * in path order, ending in a state that accepts it. Chains share their common beginnings, so a field
 * that thousands of rules test the same way (`"source": ["cvm.cloud.tencent"]`) is one transition,
 * and matching costs what the event satisfies rather than how many rules there are.
 */
import { type IndexableCondition, LeafIndex } from './leaf-index.js';

/** A state: the transitions leaving it, grouped by field path, and the alternatives it accepts. */
export class State {
  readonly edges: Edge[] = [];
  /** `edges[0]` while it is the only edge (past its anchor, most states have one): one load less. */
  soleEdge: Edge | undefined;
  readonly accepts: number[] = [];
  /**
   * `accepts.length`, kept in the state itself: most states reached accept nothing, and reading the
   * count here spares each of them a load of the list (a cache line of its own).
   */
  acceptCount = 0;
  /** The match that last reached this state (each state is reached by one transition only). */
  reachedIn = 0;

  accept(alternative: number): void {
    this.acceptCount = this.accepts.push(alternative);
  }

  unaccept(alternative: number): void {
    this.accepts.splice(this.accepts.indexOf(alternative), 1);
    this.acceptCount = this.accepts.length;
  }
}

/**
 * The transitions leaving a state on one field path: the index of their conditions to the states they
 * lead to. The edge is its index (not a holder of one), which spares each lookup a dependent load.
 */
export class Edge extends LeafIndex<State> {
  readonly transitions = new Map<string, Transition>();
  constructor(
    readonly path: readonly string[],
    readonly pathId: number,
  ) {
    super();
  }
}

/** One transition: a field's whole condition list (ORed), shared by every chain testing it the same way. */
export interface Transition {
  target: State;
  uses: number;
  removers: Array<() => void>;
}

/** A step of a registered chain, kept so the chain can be taken out again. */
export interface ChainStep {
  state: State;
  edge: Edge;
  key: string;
  transition: Transition;
}

/** What the automaton needs from its owner: ids for the field paths it reads. */
export interface AutomatonHost {
  usePath(path: readonly string[]): number;
  releasePath(path: readonly string[]): void;
}

function comparePaths(left: readonly string[], right: readonly string[]): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] !== right[index]) return left[index]! < right[index]! ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * The fields of an alternative in the order chains use: cheap tests first (exact values before
 * prefixes, ranges, wildcards and CIDR blocks, which parse the value), then by path and condition list.
 * The order is the same for every rule, so rules that test a field the same way share its transition.
 */
export function orderFields<T extends { rank: number; path: string[]; key: string }>(fields: T[]): T[] {
  return [...fields].sort(
    (left, right) =>
      left.rank - right.rank ||
      comparePaths(left.path, right.path) ||
      (left.key < right.key ? -1 : left.key > right.key ? 1 : 0),
  );
}

/**
 * Adds a chain for one alternative's indexed fields (already ordered) and returns its steps; the last
 * state of the chain is where the caller records the alternative.
 */
export function addChain(
  root: State,
  fields: Array<{ path: string[]; key: string; conditions: IndexableCondition[] }>,
  host: AutomatonHost,
): ChainStep[] {
  const steps: ChainStep[] = [];
  let state = root;
  for (const field of fields) {
    let edge = state.edges.find((candidate) => comparePaths(candidate.path, field.path) === 0);
    if (!edge) {
      edge = new Edge(field.path, host.usePath(field.path));
      state.edges.push(edge);
      state.soleEdge = state.edges.length === 1 ? edge : undefined;
    }
    let transition = edge.transitions.get(field.key);
    if (!transition) {
      const target = new State();
      const index = edge;
      const removers = field.conditions.map((condition) => index.add(condition, target));
      transition = { target, uses: 0, removers };
      edge.transitions.set(field.key, transition);
    }
    transition.uses++;
    steps.push({ state, edge, key: field.key, transition });
    state = transition.target;
  }
  return steps;
}

/** Takes a chain out, dropping transitions and edges no other chain uses. */
export function removeChain(steps: ChainStep[], host: AutomatonHost): void {
  for (let index = steps.length - 1; index >= 0; index--) {
    const { state, edge, key, transition } = steps[index]!;
    if (--transition.uses > 0) continue;
    for (const remove of transition.removers) remove();
    edge.transitions.delete(key);
    if (edge.transitions.size > 0) continue;
    state.edges.splice(state.edges.indexOf(edge), 1);
    state.soleEdge = state.edges.length === 1 ? state.edges[0] : undefined;
    host.releasePath(edge.path);
  }
}
