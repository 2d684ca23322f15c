/**
 * @module Puts validation issues and warnings where they belong: on the step or branch their pointer is
 * inside, and on the config field when the pointer goes into one; and lists them all for the problems list.
 */
import type { ValidationIssue } from '../api/types.js';
import type { StepCatalog } from './catalog.js';
import type { DraftFlow } from './draft.js';
import { toPointer } from './paths.js';
import { walkFlow } from './walk.js';

/** The issues of one node: those about the node itself, and those of each config field. */
export interface NodeIssues {
  node: ValidationIssue[];
  fields: Map<string, ValidationIssue[]>;
  /** Problems (not warnings) of the node. */
  count: number;
  warnings: number;
}

/** One line of the problems list: the issue and the node it belongs to, if any. */
export interface ListedIssue {
  issue: ValidationIssue;
  /** The node's JSON pointer; absent for an issue of the flow as a whole. */
  node?: string;
  /** The config field it is on, as pointer segments below `config` (`['response', 'status']`). */
  field?: string[];
}

export interface IssueIndex {
  /** By the node's JSON pointer (`/trigger`, `/steps/2/catch/0`). */
  byNode: Map<string, NodeIssues>;
  /** Issues about the flow as a whole (its name, format, a missing trigger). */
  flow: ValidationIssue[];
  /** Problems, which block a save. */
  count: number;
  /** Warnings, which do not. */
  warnings: number;
  /** Problems first, then warnings, each in document order. */
  list: ListedIssue[];
}

/** Whether an issue is a warning (shown, never blocking a save or a publish). */
export function isWarning(issue: ValidationIssue): boolean {
  return issue.severity === 'warning';
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node pointer that holds `pointer`: the longest one that is it or a parent of it. */
function owningNode(pointer: string, nodes: string[]): string | undefined {
  let best: string | undefined;
  for (const node of nodes) {
    const inside = pointer === node || pointer.startsWith(`${node}/`);
    if (inside && (!best || node.length > best.length)) best = node;
  }
  return best;
}

/**
 * Indexes `issues` by node and field.
 *
 * @example
 * indexIssues(issues, draft, catalog).byNode.get('/steps/0')?.fields.get('value');
 */
export function indexIssues(
  issues: ValidationIssue[],
  draft: DraftFlow,
  catalog: StepCatalog,
  warnings: ValidationIssue[] = [],
): IssueIndex {
  const nodes = [...walkFlow(draft, catalog)].map((entry) => toPointer(entry.path));
  const index: IssueIndex = { byNode: new Map(), flow: [], count: issues.length, warnings: warnings.length, list: [] };
  for (const issue of [...issues, ...warnings.map((warning) => ({ ...warning, severity: 'warning' as const }))]) {
    const node = owningNode(issue.pointer, nodes);
    if (!node) {
      index.flow.push(issue);
      index.list.push({ issue });
      continue;
    }
    const entry: NodeIssues = index.byNode.get(node) ?? { node: [], fields: new Map(), count: 0, warnings: 0 };
    index.byNode.set(node, entry);
    if (isWarning(issue)) entry.warnings += 1;
    else entry.count += 1;
    const below = /^\/config\/(.+)$/.exec(issue.pointer.slice(node.length))?.[1];
    const field = below?.split('/').map(unescapeSegment);
    index.list.push({ issue, node, ...(field ? { field } : {}) });
    if (field === undefined) entry.node.push(issue);
    else entry.fields.set(field[0]!, [...(entry.fields.get(field[0]!) ?? []), issue]);
  }
  return index;
}
