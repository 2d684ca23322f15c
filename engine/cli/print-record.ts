/**
 * @module A readable execution record for the terminal: the final message, then one line per step.
 */
import type { ExecutionRecord, StepTrace } from '../runtime/types.js';

const MARKS: Record<StepTrace['status'], string> = { succeeded: '✓', failed: '✗', skipped: '-', stubbed: '~' };

/** Nesting depth of a step from its path: each `/steps/`, `/catch/`, `/when/`, `/otherwise/` level adds one. */
function depth(path: string): number {
  return Math.max(0, (path.match(/\/(steps|otherwise)\//g) ?? []).length - 1);
}

/** Lines describing `record`; the final message pretty-printed. */
export function describeRecord(record: ExecutionRecord): string {
  const lines: string[] = [];
  lines.push(`execution ${record.id} of flow "${record.flowId}": ${record.status} in ${record.durationMs.toFixed(1)} ms`);
  lines.push('');
  lines.push('trace:');
  const width = Math.max(4, ...record.steps.map((step) => step.stepId.length + 2 * depth(step.path)));
  for (const step of record.steps) {
    const indent = '  '.repeat(depth(step.path));
    const name = `${indent}${step.stepId}`.padEnd(width);
    const extra: string[] = [];
    if (step.iteration !== undefined) extra.push(`item ${step.iteration}`);
    if (step.attempt !== undefined && step.attempt > 1) extra.push(`attempt ${step.attempt}`);
    const error = step.error ? `  ${step.error.type}: ${step.error.message}` : '';
    const note = extra.length > 0 ? ` (${extra.join(', ')})` : '';
    lines.push(`  ${MARKS[step.status]} ${name}  ${step.type.padEnd(16)} ${step.durationMs.toFixed(1).padStart(8)} ms${note}${error}`);
  }
  if (record.logs.length > 0) {
    lines.push('', 'logs:');
    for (const entry of record.logs) lines.push(`  ${entry.level.padEnd(5)} ${entry.category} [${entry.stepId}] ${entry.content}`);
  }
  lines.push('');
  if (record.result) {
    lines.push('result:', JSON.stringify(record.result, null, 2));
  } else if (record.error) {
    const at = record.error.step ? ` at step "${record.error.step}"` : '';
    lines.push(`error${at}: ${record.error.type}: ${record.error.message}`);
  }
  return lines.join('\n');
}
