/**
 * @module The rule being edited: a rule document that may still be incomplete, with every key it holds kept.
 */
import { RULE_FORMAT, type RuleDocument, type RuleTarget } from '../../../engine/bus/files/format.js';
import type { ValidationIssue } from '../api/types.js';

export type RuleDraft = Partial<Omit<RuleDocument, 'targets'>> & { targets?: RuleTarget[]; [key: string]: unknown };

/** A new rule on the default bus, enabled, with an empty pattern and no targets yet. */
export function blankRule(name: string): RuleDraft {
  return { format: RULE_FORMAT, name, bus: 'default', enabled: true, pattern: {}, targets: [] };
}

/** Issues split by where they show: the pattern, each target (by index), and the rest. */
export function splitRuleIssues(issues: ValidationIssue[]): {
  pattern: ValidationIssue[];
  targets: Map<number, ValidationIssue[]>;
  other: ValidationIssue[];
} {
  const result = { pattern: [] as ValidationIssue[], targets: new Map<number, ValidationIssue[]>(), other: [] as ValidationIssue[] };
  for (const issue of issues) {
    const target = /^\/targets\/(\d+)(\/|$)/.exec(issue.pointer);
    if (issue.pointer === '/pattern' || issue.pointer.startsWith('/pattern/')) result.pattern.push(issue);
    else if (target) {
      const index = Number(target[1]);
      result.targets.set(index, [...(result.targets.get(index) ?? []), issue]);
    } else result.other.push(issue);
  }
  return result;
}
