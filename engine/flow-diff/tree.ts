/**
 * @module Flow, rule and bus documents as keyed node trees: what the semantic diff and the merge work on.
 */
import type { Registry } from '../core/registry.js';
import type { StepDefinition } from '../core/step-definition.js';

/** What a document is; decided by its file name. */
export type DocumentKind = 'flow' | 'rule' | 'bus';

/** What a node of the tree is. */
export type NodeKind = 'root' | 'trigger' | 'step' | 'branch' | 'target';

/** One node: a flow's root, its trigger, a step, a branch of a scope, or a rule's target. */
export interface TreeNode {
  /** Unique in the tree: the step, branch or target id; {@link ROOT_KEY} and {@link TRIGGER_KEY} otherwise. */
  key: string;
  kind: NodeKind;
  /** The container holding the node ({@link containerId}); `''` for the root and the trigger. */
  parent: string;
  index: number;
  /** The node's own keys: everything but its nested lists (scope parts, a rule's targets). */
  fields: Record<string, unknown>;
  /** The keys of the nested lists it owns, in document order. */
  lists: string[];
}

/** A document as nodes by key, and each container's children in order. */
export interface NodeTree {
  kind: DocumentKind;
  nodes: Map<string, TreeNode>;
  containers: Map<string, string[]>;
}

export const ROOT_KEY = '(root)';
export const TRIGGER_KEY = '(trigger)';

/** The id of the list `list` of node `owner`: `(root)/steps`, `send-guard/catch`. */
export function containerId(owner: string, list: string): string {
  return `${owner}/${list}`;
}

/** Splits a container id into its owner key and list key. */
export function splitContainer(container: string): { owner: string; list: string } {
  const at = container.lastIndexOf('/');
  return { owner: container.slice(0, at), list: container.slice(at + 1) };
}

/** The kind of document a path names: `*.flow.json`, `*.rule.json`, `*.bus.json`; undefined otherwise. */
export function documentKindOf(path: string): DocumentKind | undefined {
  if (path.endsWith('.flow.json')) return 'flow';
  if (path.endsWith('.rule.json')) return 'rule';
  if (path.endsWith('.bus.json')) return 'bus';
  return undefined;
}

/**
 * Builds the node tree of a document. Works on any JSON value: what is not an object is an empty root, and
 * a repeated id gets a `#2` suffix so that nothing is lost.
 *
 * @example
 * const tree = buildTree(JSON.parse(text), 'flow', registry);
 * tree.nodes.get('send')?.parent; // 'send-guard/steps'
 */
export function buildTree(document: unknown, kind: DocumentKind, registry?: Registry): NodeTree {
  const tree: NodeTree = { kind, nodes: new Map(), containers: new Map() };
  const root = isObject(document) ? document : {};
  const lists = kind === 'flow' ? ['steps'] : kind === 'rule' ? ['targets'] : [];
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    if (kind === 'flow' && key === 'trigger' && isObject(value)) continue;
    if (lists.includes(key) && Array.isArray(value)) continue;
    fields[key] = value;
  }
  const presentLists = lists.filter((list) => Array.isArray(root[list]));
  tree.nodes.set(ROOT_KEY, { key: ROOT_KEY, kind: 'root', parent: '', index: 0, fields, lists: presentLists });
  if (kind === 'flow' && isObject(root.trigger)) {
    const trigger = root.trigger;
    const own = nodeParts(trigger, 'step', registry);
    tree.nodes.set(TRIGGER_KEY, { key: TRIGGER_KEY, kind: 'trigger', parent: '', index: 0, ...own.node });
    for (const list of own.node.lists) addList(tree, TRIGGER_KEY, list, trigger[list] as unknown[], own.childKinds[list]!, registry);
  }
  for (const list of presentLists) {
    addList(tree, ROOT_KEY, list, root[list] as unknown[], kind === 'rule' ? 'target' : 'step', registry);
  }
  return tree;
}

function addList(tree: NodeTree, owner: string, list: string, items: unknown[], childKind: NodeKind, registry?: Registry): void {
  const container = containerId(owner, list);
  const keys: string[] = [];
  tree.containers.set(container, keys);
  items.forEach((item, index) => {
    const value = isObject(item) ? item : {};
    const parts = childKind === 'target' ? { node: { fields: { ...value }, lists: [] }, childKinds: {} } : nodeParts(value, childKind, registry);
    const key = uniqueKey(tree, typeof value.id === 'string' && value.id !== '' ? value.id : `${container}#${index}`);
    keys.push(key);
    tree.nodes.set(key, { key, kind: childKind, parent: container, index, ...parts.node });
    for (const nested of parts.node.lists) addList(tree, key, nested, value[nested] as unknown[], parts.childKinds[nested]!, registry);
  });
}

function uniqueKey(tree: NodeTree, wanted: string): string {
  if (!tree.nodes.has(wanted)) return wanted;
  let count = 2;
  while (tree.nodes.has(`${wanted}#${count}`)) count += 1;
  return `${wanted}#${count}`;
}

/** Splits a step or branch object into its own fields and its nested lists (with the kind of their items). */
function nodeParts(value: Record<string, unknown>, kind: NodeKind, registry?: Registry) {
  const declared = kind === 'branch' ? new Map([['steps', 'step' as NodeKind]]) : scopeLists(value, registry);
  const fields: Record<string, unknown> = {};
  const lists: string[] = [];
  const childKinds: Record<string, NodeKind> = {};
  for (const [key, item] of Object.entries(value)) {
    const listKind = declared.get(key) ?? guessListKind(key, item, kind);
    if (listKind && Array.isArray(item)) {
      lists.push(key);
      childKinds[key] = listKind;
    } else {
      fields[key] = item;
    }
  }
  return { node: { fields, lists }, childKinds };
}

function scopeLists(step: Record<string, unknown>, registry?: Registry): Map<string, NodeKind> {
  const definition: StepDefinition | undefined = typeof step.type === 'string' ? registry?.get(step.type) : undefined;
  const lists = new Map<string, NodeKind>();
  for (const scope of definition?.scopes ?? []) lists.set(scope.key, scope.kind === 'sequence' ? 'step' : 'branch');
  return lists;
}

/** A list under a key no definition declares: steps when its items have types, branches when they have steps. */
function guessListKind(key: string, value: unknown, owner: NodeKind): NodeKind | undefined {
  if (owner === 'branch' || key === 'config' || !Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((item) => isObject(item) && typeof item.id === 'string')) return undefined;
  if (value.every((item) => typeof (item as Record<string, unknown>).type === 'string')) return 'step';
  return value.every((item) => Array.isArray((item as Record<string, unknown>).steps)) ? 'branch' : undefined;
}

/**
 * Writes a tree back into a document: each node's fields, then its lists. Key order is left to the
 * canonical writers.
 */
export function rebuildDocument(tree: NodeTree): Record<string, unknown> {
  const root = tree.nodes.get(ROOT_KEY);
  const document: Record<string, unknown> = { ...root?.fields };
  const trigger = tree.nodes.get(TRIGGER_KEY);
  if (trigger) document.trigger = rebuildNode(tree, trigger);
  for (const list of root?.lists ?? []) document[list] = rebuildList(tree, containerId(ROOT_KEY, list));
  return document;
}

function rebuildNode(tree: NodeTree, node: TreeNode): Record<string, unknown> {
  const value: Record<string, unknown> = { ...node.fields };
  for (const list of node.lists) value[list] = rebuildList(tree, containerId(node.key, list));
  return value;
}

function rebuildList(tree: NodeTree, container: string): unknown[] {
  return (tree.containers.get(container) ?? []).map((key) => rebuildNode(tree, tree.nodes.get(key)!));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON pointer of a node in its document: `''` for the root, `/trigger`, `/steps/2/steps/0`. */
export function pointerOf(tree: NodeTree, node: TreeNode): string {
  if (node.kind === 'root') return '';
  if (node.kind === 'trigger') return '/trigger';
  const { owner, list } = splitContainer(node.parent);
  const ownerNode = tree.nodes.get(owner);
  const base = ownerNode ? pointerOf(tree, ownerNode) : '';
  return `${base}/${list.replace(/~/g, '~0').replace(/\//g, '~1')}/${node.index}`;
}
