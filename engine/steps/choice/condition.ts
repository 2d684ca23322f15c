/**
 * @module How a Choice branch's evaluated condition decides whether the branch runs.
 */
import { FlowbusError } from '../../core/errors.js';
import { describeValue } from '../config-values.js';

/**
 * `true` runs the branch; `false`, `null` or nothing (an expression that selected nothing) skip it;
 * any other value is a VALIDATION error, so that a string `"false"` never counts as true.
 *
 * @example
 * conditionHolds(undefined, 'big-order'); // false
 */
export function conditionHolds(value: unknown, branchId: string): boolean {
  if (value === true) return true;
  if (value === false || value === null || value === undefined) return false;
  throw new FlowbusError(
    'VALIDATION',
    `condition of branch "${branchId}" must be true or false, got ${describeValue(value)}`,
    { field: 'condition', branch: branchId, expected: 'true or false' },
  );
}
