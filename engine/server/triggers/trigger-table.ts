/**
 * @module The trigger table: every published HTTP trigger in a segment tree, built once per change and
 * swapped whole, so a request never sees a half-updated table and no route is built per request.
 */
import type { PathPattern } from './path-pattern.js';

/** What the table routes to: an entry with its path pattern and methods. */
export interface RoutedEntry {
  flowId: string;
  pattern: PathPattern;
  methods: readonly string[];
}

/** The triggers at one path shape, by method. */
export interface RouteEnd<Entry> {
  byMethod: Map<string, Entry>;
  /** Methods answered here, for the `Allow` header. */
  allow: string[];
}

interface RouteNode<Entry> {
  literals: Map<string, RouteNode<Entry>>;
  param?: RouteNode<Entry>;
  end?: RouteEnd<Entry>;
  wildcard?: RouteEnd<Entry>;
}

/** A matched path: the triggers there, the parameter values in pattern order, and the rest under a `*`. */
export interface RouteMatch<Entry> {
  end: RouteEnd<Entry>;
  values: string[];
  rest?: string;
}

/** A trigger left out because an earlier one answers the same method and path shape. */
export interface RouteConflict<Entry> {
  entry: Entry;
  method: string;
  owner: Entry;
}

const newNode = <Entry>(): RouteNode<Entry> => ({ literals: new Map() });

/** Splits a request path (no query) into decoded segments; throws URIError for bad percent-encoding. */
export function pathSegments(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === '/' || trimmed === '') return [];
  const segments = trimmed.slice(1).split('/');
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (segment.includes('%')) segments[index] = decodeURIComponent(segment);
  }
  return segments;
}

/**
 * An immutable routing table. Literal segments win over parameters, parameters over a trailing `*`.
 *
 * @example
 * const { table } = TriggerTable.build([entry]);
 * table.match('/orders/42')?.end.byMethod.get('POST');
 */
export class TriggerTable<Entry extends RoutedEntry> {
  private constructor(
    private readonly root: RouteNode<Entry>,
    readonly entries: readonly Entry[],
  ) {}

  /** Builds a table; entries first in the list win a conflict. */
  static build<Entry extends RoutedEntry>(entries: readonly Entry[]) {
    const root = newNode<Entry>();
    const placed: Entry[] = [];
    const conflicts: RouteConflict<Entry>[] = [];
    for (const entry of entries) {
      let node = root;
      for (const segment of entry.pattern.segments) {
        if (segment.kind === 'param') node = node.param ??= newNode();
        else {
          let next = node.literals.get(segment.value);
          if (!next) node.literals.set(segment.value, (next = newNode()));
          node = next;
        }
      }
      const end = entry.pattern.wildcard ? (node.wildcard ??= emptyEnd()) : (node.end ??= emptyEnd());
      const clash = entry.methods.find((method) => end.byMethod.has(method));
      if (clash) {
        conflicts.push({ entry, method: clash, owner: end.byMethod.get(clash)! });
        continue;
      }
      for (const method of entry.methods) end.byMethod.set(method, entry);
      end.allow = [...end.byMethod.keys()].sort();
      placed.push(entry);
    }
    return { table: new TriggerTable(root, placed), conflicts };
  }

  static empty<Entry extends RoutedEntry>(): TriggerTable<Entry> {
    return new TriggerTable(newNode<Entry>(), []);
  }

  /** The triggers answering at `path`, or undefined. Throws URIError for bad percent-encoding. */
  match(path: string): RouteMatch<Entry> | undefined {
    return search(this.root, pathSegments(path), 0, []);
  }
}

function emptyEnd<Entry>(): RouteEnd<Entry> {
  return { byMethod: new Map(), allow: [] };
}

function search<Entry>(
  node: RouteNode<Entry>,
  segments: string[],
  index: number,
  values: string[],
): RouteMatch<Entry> | undefined {
  if (index === segments.length) {
    if (node.end) return { end: node.end, values: [...values] };
    return node.wildcard ? { end: node.wildcard, values: [...values], rest: '' } : undefined;
  }
  const segment = segments[index]!;
  const literal = node.literals.get(segment);
  if (literal) {
    const found = search(literal, segments, index + 1, values);
    if (found) return found;
  }
  if (node.param && segment !== '') {
    values.push(segment);
    const found = search(node.param, segments, index + 1, values);
    if (found) return found;
    values.pop();
  }
  if (!node.wildcard) return undefined;
  return { end: node.wildcard, values: [...values], rest: segments.slice(index).join('/') };
}
