/**
 * @module The terminal forms: a semantic diff as lines (`+ step audit (logger) at steps #3`), and one
 * document as lines of step ids and pointers, which is what git's textconv diffs.
 */
import type { DiffEntry, FileDiff, Place } from './diff.js';
import { secretTest, type SchemaSource } from './secrets.js';
import { buildTree, ROOT_KEY, type DocumentKind, type TreeNode } from './tree.js';
import { leaves, SECRET_MARK, showValue } from './values.js';

const MARKS: Record<DiffEntry['change'], string> = { added: '+', removed: '-', moved: '>', renamed: '~', changed: '~' };

/**
 * The diff of some files as text, one header line per file and one line per change.
 *
 * @example
 * renderDiff([{ file: 'flows/a.flow.json', kind: 'flow', status: 'modified', changes }]);
 * // 'flows/a.flow.json (flow, modified)\n  ~ step send /config/msgType: "text" → "markdown"\n'
 */
export function renderDiff(files: readonly FileDiff[]): string {
  const lines: string[] = [];
  for (const file of files) {
    lines.push(`${file.file} (${file.kind}, ${file.status})`);
    for (const entry of file.changes) lines.push(...renderEntry(entry, file.kind));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The subject of an entry: `step send`, `trigger on-alarm`, `target archive`, `flow`. */
export function subjectOf(entry: DiffEntry, kind: DocumentKind): string {
  if (entry.node === 'root') return kind;
  return entry.id === undefined ? entry.node : `${entry.node} ${entry.id}`;
}

function renderEntry(entry: DiffEntry, kind: DocumentKind): string[] {
  const subject = subjectOf(entry, kind);
  const mark = MARKS[entry.change];
  const type = entry.type ? ` (${entry.type})` : '';
  switch (entry.change) {
    case 'added':
      return [`  ${mark} ${subject}${type} added at ${place(entry.to)}`, ...fieldLines(entry.after)];
    case 'removed':
      return [`  ${mark} ${subject}${type} removed from ${place(entry.from)}`];
    case 'moved':
      return [`  ${mark} ${subject} moved from ${place(entry.from)} to ${place(entry.to)}`];
    case 'renamed':
      return [`  ${mark} ${subject} renamed: ${showValue(entry.before)} → ${showValue(entry.after)}`];
    default:
      return [`  ${mark} ${subject} ${entry.pointer}: ${showValue(entry.before)} → ${showValue(entry.after)}`];
  }
}

function place(where: Place | undefined): string {
  return where ? `${where.scope} #${where.index + 1}` : '?';
}

function fieldLines(fields: unknown): string[] {
  const lines: string[] = [];
  for (const [pointer, value] of leaves(fields, '')) {
    if (pointer === '/id' || pointer === '/type' || pointer === '') continue;
    lines.push(`      ${pointer}: ${showValue(value)}`);
  }
  return lines;
}

/**
 * One document as lines that name each step by id and each field by pointer, indented by nesting; what
 * `git diff` compares once it is set up as the textconv of flow and rule files. Positions are left out, so
 * that inserting a step changes only its own lines.
 *
 * @example
 * renderDocument(flow, 'flow', { registry });
 * // 'flow /name = "Echo"\ntrigger http (http)\n  http /config/path = "/echo"\nstep reply (set-payload)\n...'
 */
export function renderDocument(document: unknown, kind: DocumentKind, source: SchemaSource = {}): string {
  const tree = buildTree(document, kind, source.registry);
  const secret = secretTest(tree, source);
  const lines: string[] = [];
  const depthOf = (node: TreeNode): number => {
    let depth = 0;
    for (let parent = node.parent; parent && !parent.startsWith(`${ROOT_KEY}/`); depth += 1) {
      parent = tree.nodes.get(parent.slice(0, parent.lastIndexOf('/')))?.parent ?? '';
    }
    return depth;
  };
  for (const node of tree.nodes.values()) {
    const indent = '  '.repeat(node.kind === 'root' ? 0 : depthOf(node));
    const id = node.kind === 'trigger' ? String(node.fields.id ?? '') : node.key;
    const subject = node.kind === 'root' ? kind : `${node.kind} ${id}`;
    if (node.kind !== 'root') lines.push(`${indent}${subject}${typeof node.fields.type === 'string' ? ` (${node.fields.type})` : ''}`);
    const fieldIndent = node.kind === 'root' ? '' : `${indent}  `;
    for (const [pointer, value] of leaves(node.fields, '')) {
      if (pointer === '' || (node.kind !== 'root' && (pointer === '/id' || pointer === '/type'))) continue;
      const shown = secret(node, pointer) ? SECRET_MARK : showValue(value, 400);
      lines.push(`${fieldIndent}${node.kind === 'root' ? kind : id} ${pointer} = ${shown}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
