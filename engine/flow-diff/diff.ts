/**
 * @module The semantic diff of two versions of a flow, rule or bus file: steps added, removed, moved and
 * renamed, and fields changed by step id and JSON pointer, with old and new values (secrets never shown).
 */
import { joinPointer } from '../core/issues.js';
import { secretTest, type SchemaSource, type SecretTest } from './secrets.js';
import { buildTree, ROOT_KEY, splitContainer, TRIGGER_KEY, isObject, type DocumentKind, type NodeKind, type NodeTree, type TreeNode } from './tree.js';
import { isExpression, redactFields, sameValue, SECRET_MARK } from './values.js';

/** Where a node stands: its list (`steps`, `send-guard.catch`) and its position there, from 0. */
export interface Place {
  scope: string;
  index: number;
}

/** One change. `node` says what changed; `pointer` is relative to that node (`/config/content`). */
export interface DiffEntry {
  change: 'added' | 'removed' | 'moved' | 'renamed' | 'changed';
  node: NodeKind;
  /** The step, branch or target id (the trigger's id for the trigger); absent for the document itself. */
  id?: string;
  /** The step or target type. */
  type?: string;
  pointer?: string;
  /** Old and new value; a secret field shows `(secret)` on both sides. */
  before?: unknown;
  after?: unknown;
  from?: Place;
  to?: Place;
}

/** The changes of one file. */
export interface FileDiff {
  file: string;
  kind: DocumentKind;
  status: 'added' | 'removed' | 'modified';
  changes: DiffEntry[];
}

/**
 * Compares two versions of a document (either may be undefined: the file was added or removed). Entries come
 * in the new version's document order, then the removed nodes in the old version's order.
 *
 * @example
 * diffDocuments(oldFlow, newFlow, 'flow', { registry });
 * // [{ change: 'changed', node: 'step', id: 'send', type: 'wecom-robot', pointer: '/config/msgType', before: 'text', after: 'markdown' }]
 */
export function diffDocuments(before: unknown, after: unknown, kind: DocumentKind, source: SchemaSource = {}): DiffEntry[] {
  const old = buildTree(before, kind, source.registry);
  const next = buildTree(after, kind, source.registry);
  const secrets = { old: secretTest(old, source), next: secretTest(next, source) };
  const moved = movedKeys(old, next);
  const entries: DiffEntry[] = [];
  for (const node of next.nodes.values()) {
    const previous = old.nodes.get(node.key);
    const head = describeNode(node);
    if (!previous || previous.kind !== node.kind) {
      if (node.kind === 'root') entries.push(...fieldChanges({}, node.fields, head, (pointer) => secrets.next(node, pointer)));
      else entries.push({ change: 'added', ...head, after: redactFields(node.fields, (p) => secrets.next(node, p)), to: placeOf(node) });
      continue;
    }
    if (moved.has(node.key)) entries.push({ change: 'moved', ...head, from: placeOf(previous), to: placeOf(node) });
    const secret = (pointer: string) => secrets.old(previous, pointer) || secrets.next(node, pointer);
    entries.push(...fieldChanges(previous.fields, node.fields, head, secret));
  }
  for (const node of old.nodes.values()) {
    const current = next.nodes.get(node.key);
    if (node.kind === 'root' || (current && current.kind === node.kind)) continue;
    entries.push({ change: 'removed', ...describeNode(node), before: redactFields(node.fields, (p) => secrets.old(node, p)), from: placeOf(node) });
  }
  // A removed file is said by what it held; its root fields going to nothing says no more.
  return after === undefined ? entries.filter((entry) => entry.node !== 'root') : entries;
}

function describeNode(node: TreeNode): Pick<DiffEntry, 'node' | 'id' | 'type'> {
  const head: Pick<DiffEntry, 'node' | 'id' | 'type'> = { node: node.kind };
  const id = node.kind === 'trigger' ? node.fields.id : node.kind === 'root' ? undefined : node.key;
  if (typeof id === 'string') head.id = id;
  if (typeof node.fields.type === 'string') head.type = node.fields.type;
  return head;
}

/** The place of a node for people: `steps`, `send-guard.steps`, `rule targets` as `targets`. */
export function placeOf(node: TreeNode): Place {
  const { owner, list } = splitContainer(node.parent);
  const scope = owner === ROOT_KEY || owner === '' ? list : owner === TRIGGER_KEY ? `trigger.${list}` : `${owner}.${list}`;
  return { scope, index: node.index };
}

/** Field changes between two nodes' own fields; a name change of a step, branch or target is a rename. */
function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  head: Pick<DiffEntry, 'node' | 'id' | 'type'>,
  secret: (pointer: string) => boolean,
): DiffEntry[] {
  const entries: DiffEntry[] = [];
  const visit = (left: unknown, right: unknown, pointer: string) => {
    if (isWalkable(left) && isWalkable(right)) {
      const keys = [...new Set([...Object.keys(right), ...Object.keys(left)])];
      for (const key of keys) visit(left[key], right[key], joinPointer(pointer, key));
      return;
    }
    if (sameValue(left, right)) return;
    const hidden = secret(pointer);
    const values = hidden ? { before: mark(left), after: mark(right) } : { before: left, after: right };
    const renamed = pointer === '/name' && head.node !== 'root' && head.node !== 'trigger';
    entries.push({ change: renamed ? 'renamed' : 'changed', ...head, pointer, ...values });
  };
  visit(before, after, '');
  return entries;
}

function mark(value: unknown): unknown {
  return value === undefined ? undefined : SECRET_MARK;
}

function isWalkable(value: unknown): value is Record<string, unknown> {
  return isObject(value) && !isExpression(value);
}

/**
 * Nodes that moved: to another list, or out of the longest run of siblings that kept their order (so that an
 * insertion does not make every later step "moved").
 */
function movedKeys(old: NodeTree, next: NodeTree): Set<string> {
  const moved = new Set<string>();
  for (const [container, keys] of next.containers) {
    const stayed = keys.filter((key) => old.nodes.get(key)?.parent === container);
    for (const key of keys) if (old.nodes.has(key) && !stayed.includes(key)) moved.add(key);
    const before = (old.containers.get(container) ?? []).filter((key) => stayed.includes(key));
    const kept = new Set(longestCommonSubsequence(before, stayed));
    for (const key of stayed) if (!kept.has(key)) moved.add(key);
  }
  return moved;
}

function longestCommonSubsequence(left: string[], right: string[]): string[] {
  const lengths = left.map(() => new Array<number>(right.length + 1).fill(0));
  lengths.push(new Array<number>(right.length + 1).fill(0));
  for (let i = left.length - 1; i >= 0; i -= 1) {
    for (let j = right.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = left[i] === right[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const common: string[] = [];
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    if (left[i] === right[j]) {
      common.push(left[i]!);
      i += 1;
      j += 1;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return common;
}

export type { SecretTest };
