/**
 * @module Puts validation issues where they belong: on the step or branch their pointer is inside, and on
 * the config field when the pointer goes into one.
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
  count: number;
}

export interface IssueIndex {
  /** By the node's JSON pointer (`/trigger`, `/steps/2/catch/0`). */
  byNode: Map<string, NodeIssues>;
  /** Issues about the flow as a whole (its name, format, a missing trigger). */
  flow: ValidationIssue[];
  count: number;
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
export function indexIssues(issues: ValidationIssue[], draft: DraftFlow, catalog: StepCatalog): IssueIndex {
  const nodes = [...walkFlow(draft, catalog)].map((entry) => toPointer(entry.path));
  const index: IssueIndex = { byNode: new Map(), flow: [], count: issues.length };
  for (const issue of issues) {
    const node = owningNode(issue.pointer, nodes);
    if (!node) {
      index.flow.push(issue);
      continue;
    }
    const entry: NodeIssues = index.byNode.get(node) ?? { node: [], fields: new Map(), count: 0 };
    index.byNode.set(node, entry);
    entry.count += 1;
    const field = /^\/config\/([^/]+)/.exec(issue.pointer.slice(node.length))?.[1];
    if (field === undefined) entry.node.push(issue);
    else {
      const name = unescapeSegment(field);
      entry.fields.set(name, [...(entry.fields.get(name) ?? []), issue]);
    }
  }
  return index;
}
