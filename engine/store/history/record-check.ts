/**
 * @module The check of a record read back from the history: the fields the index needs, with their types.
 */
import { isRecord } from '../data-file.js';

/** What the index cannot do without; older versions' records may lack the rest. */
const STRING_FIELDS = ['id', 'flowId', 'status'] as const;
const NUMBER_FIELDS = ['startedAt'] as const;

/** Why `value` is not an execution record the history can index, or undefined when it is. */
export function executionRecordProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not an execution record (not a JSON object)';
  for (const field of STRING_FIELDS) {
    if (typeof value[field] !== 'string') return `not an execution record: "${field}" is not a string`;
  }
  for (const field of NUMBER_FIELDS) {
    if (typeof value[field] !== 'number' || !Number.isFinite(value[field])) {
      return `not an execution record: "${field}" is not a number`;
    }
  }
  return undefined;
}
