/**
 * @module The answer an HTTP-triggered flow would give, for a dry run: status, headers and body worked out
 * from the trigger's response settings and the run's final message, as the trigger would send them.
 */
import { toFlowError, type FlowError } from '../../core/errors.js';
import { measureValue } from '../../core/value-size.js';
import type { CompiledFlow, ExecutionRecord } from '../../runtime/types.js';
import { EXECUTION_HEADER, errorBody } from '../json-response.js';
import { compileTrigger } from '../triggers/compile-trigger.js';
import { checkedHeaders, DEFAULT_REPLY_BYTES, FAILURE_STATUS, responseParts, serializeBody } from '../triggers/response.js';

/** What the caller of an HTTP trigger would get back. */
export interface DryRunReply {
  status: number;
  headers: Record<string, string>;
  /** The body as a value: a string for text, else what is sent as JSON; absent for an empty body. */
  body?: unknown;
  /** Set when working out the reply failed: the error the caller would get instead (its body is `body`). */
  error?: FlowError;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The reply of `record`, an execution of `flow`, or undefined when the flow has no HTTP trigger.
 *
 * @example
 * const reply = await dryRunReply(flow, record); // { status: 201, headers: { 'Content-Type': ... }, body: {...} }
 */
export async function dryRunReply(
  flow: CompiledFlow,
  record: ExecutionRecord,
  replyBytes: number = DEFAULT_REPLY_BYTES,
): Promise<DryRunReply | undefined> {
  const entry = compileTrigger(flow, 'dry-run');
  if (!entry) return undefined;
  const executionHeader = { [EXECUTION_HEADER]: record.id };
  if (entry.response.mode === 'async') {
    return { status: 202, headers: { 'Content-Type': JSON_TYPE, ...executionHeader }, body: { executionId: record.id } };
  }
  if (record.status !== 'succeeded') {
    const error = record.error ?? { type: 'FLOWBUS:UNEXPECTED', message: 'the execution did not succeed' };
    return failure(FAILURE_STATUS[record.status], error, record.id);
  }
  try {
    const parts = await responseParts(entry, record.result!, record.id);
    if (measureValue(parts.body, replyBytes) > replyBytes) {
      const message = `the answer is larger than the ${replyBytes} bytes allowed (limits.replyBytes)`;
      return failure(500, { type: 'HTTP:RESPONSE_TOO_LARGE', message, step: entry.triggerId }, record.id);
    }
    const headers = stringHeaders(checkedHeaders(parts.headers));
    const { contentType } = serializeBody(parts.body);
    if (contentType && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = contentType;
    }
    const body = parts.body === null || parts.body === undefined ? {} : { body: parts.body };
    return { status: parts.status, headers: { ...headers, ...executionHeader }, ...body };
  } catch (thrown) {
    const error = toFlowError(thrown, entry.triggerId);
    const cause = thrown instanceof TypeError ? { ...error, type: 'HTTP:RESPONSE', message: `bad response header: ${error.message}` } : error;
    return failure(500, cause, record.id);
  }
}

function failure(status: number, error: FlowError, executionId: string): DryRunReply {
  const headers = { 'Content-Type': JSON_TYPE, [EXECUTION_HEADER]: executionId };
  return { status, headers, body: errorBody(error, executionId), error };
}

function stringHeaders(headers: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}
