/**
 * @module The bound on a flow's size: how many steps it may have and how large its file may be.
 */
import { FlowbusError } from '../../core/errors.js';
import type { ValidationIssue } from '../../core/issues.js';
import type { Registry } from '../../core/registry.js';
import { measureValue } from '../../core/value-size.js';
import { nextTurn, warmExpressions } from '../../expressions/warm.js';
import { formatFlow } from '../../flow/canonical.js';
import { objectsIn } from '../../json/walk.js';

/** A flow's size bounds (`limits.flowSteps`, `limits.flowBytes`). */
export interface FlowSizeLimits {
  flowSteps: number;
  flowBytes: number;
}

/** The defaults, as in the server's config. */
export const DEFAULT_FLOW_SIZE: FlowSizeLimits = { flowSteps: 1000, flowBytes: 1024 * 1024 };

/** Steps in a flow document (the trigger, steps, nested steps), counted up to `stop`. */
export function countSteps(document: unknown, stop: number): number {
  let count = 0;
  for (const record of objectsIn(document, stepHolders)) {
    if (record !== document && typeof record.type === 'string' && typeof record.id === 'string') count++;
    if (count > stop) break;
  }
  return count;
}

// A step's config is data, not steps: only the keys that hold steps (and the trigger) are walked.
function stepHolders(record: Record<string, unknown>): unknown[] {
  return Object.entries(record).flatMap(([key, child]) => (key === 'config' ? [] : [child]));
}

/** The issue of a flow with more steps than allowed, or undefined. */
export function stepCountIssue(document: unknown, limits: FlowSizeLimits): ValidationIssue | undefined {
  const count = countSteps(document, limits.flowSteps);
  if (count <= limits.flowSteps) return undefined;
  const message =
    `the flow has more than ${limits.flowSteps} steps, the most allowed (limits.flowSteps, ` +
    'FLOWBUS_FLOW_STEPS); split it into flows that call each other with Flow Reference';
  return { pointer: '/steps', code: 'flow-too-large', message };
}

/** The error of a flow text larger than allowed: 413 `FLOW:PAYLOAD_TOO_LARGE`. */
export function flowBytesError(bytes: number | undefined, limits: FlowSizeLimits): FlowbusError {
  const size = bytes === undefined ? 'the flow' : `the flow file of ${bytes} bytes`;
  const allowed = `${limits.flowBytes} bytes allowed (limits.flowBytes, FLOWBUS_FLOW_LIMIT)`;
  const message = `${size} is larger than the ${allowed}`;
  const issue: ValidationIssue = { pointer: '', code: 'flow-too-large', message };
  return new FlowbusError('FLOW:PAYLOAD_TOO_LARGE', message, { issues: [issue], limit: 'limits.flowBytes' });
}

/** The issue of a flow file larger than allowed (a file dropped in the flows folder), or undefined. */
export function fileSizeIssue(text: string, limits: FlowSizeLimits): ValidationIssue | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes <= limits.flowBytes) return undefined;
  return { pointer: '', code: 'flow-too-large', message: flowBytesError(bytes, limits).message };
}

/**
 * The canonical text of a document to save, within the size bounds (422 for too many steps, 413 for too many
 * bytes). The expressions are parsed first, a slice at a time, and each costly part runs in its own turn of
 * the event loop, so that saving a large flow never holds the server for long.
 */
export async function canonicalFlowText(
  json: unknown,
  file: string,
  registry: Registry,
  limits: FlowSizeLimits,
): Promise<string> {
  const tooMany = stepCountIssue(json, limits);
  if (tooMany) {
    throw new FlowbusError('VALIDATION', `${file}: ${tooMany.message}`, { issues: [{ file, ...tooMany }] });
  }
  if (measureValue(json, limits.flowBytes) > limits.flowBytes) throw flowBytesError(undefined, limits);
  await warmExpressions(json);
  await nextTurn();
  const text = formatFlow(json, registry);
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.flowBytes) throw flowBytesError(bytes, limits);
  await nextTurn();
  return text;
}
