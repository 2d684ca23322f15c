/**
 * @module Validation issues: every problem found in a file, each with where it is and what was expected.
 */

/** One problem in a flow, rule or config file. */
export interface ValidationIssue {
  /** The file, relative to where the command ran or to the flows folder. */
  file?: string;
  /** JSON pointer to the offending value (RFC 6901), `""` for the whole document. */
  pointer: string;
  /** The id of the step the pointer is inside, when there is one. */
  stepId?: string;
  /** Machine-readable code: `unknown-step-type`, `missing-field`, `expression-syntax`, `duplicate-step-id`, ... */
  code: string;
  /** What is wrong and what was expected, in one sentence. */
  message: string;
  /**
   * `warning`: probably not what was meant (reading `error` outside a Catch), shown but never blocking a
   * save or a publish. Absent: an error, which makes the file invalid.
   */
  severity?: 'warning';
}

/** `file:pointer: message`, the form the CLI prints. */
export function formatIssue(issue: ValidationIssue): string {
  const where = `${issue.file ?? '<input>'}:${issue.pointer || '/'}`;
  const step = issue.stepId ? ` (step "${issue.stepId}")` : '';
  const warning = issue.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${warning}${issue.message}${step}`;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a parent pointer and segments. */
export function joinPointer(parent: string, ...segments: Array<string | number>): string {
  return parent + segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}
