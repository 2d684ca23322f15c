/**
 * @module The source being edited: a source document that may still be incomplete, its issues split by the
 * field they point at, and the type's config schema as the form shows it.
 */
import { SOURCE_FORMAT, type SourceDocument } from '../../../engine/bus/sources/format.js';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import type { ValidationIssue } from '../api/types.js';

export type SourceDraft = Partial<SourceDocument> & { [key: string]: unknown };

/** A new, enabled source on the default bus with an empty config; its type is picked in the form. */
export function blankSource(name: string, type?: string): SourceDraft {
  return { format: SOURCE_FORMAT, name, ...(type ? { type } : {}), bus: 'default', enabled: true, config: {} };
}

/** Issues by where they show: each config field (by name), and the rest (root fields, the whole config). */
export function splitSourceIssues(issues: ValidationIssue[]): {
  fields: Map<string, ValidationIssue[]>;
  other: ValidationIssue[];
} {
  const fields = new Map<string, ValidationIssue[]>();
  const other: ValidationIssue[] = [];
  for (const issue of issues) {
    const field = /^\/config\/([^/]+)/.exec(issue.pointer)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
    if (field) fields.set(field, [...(fields.get(field) ?? []), issue]);
    else other.push(issue);
  }
  return { fields, other };
}

/** A source config is data, never an expression: the form gets no f(x) switches. */
export function literalOnly(schema: JsonSchema): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, field]) => [name, { ...field, 'x-expression': false }]),
  );
  return { ...schema, properties };
}
