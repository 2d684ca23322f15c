/**
 * @module What the history keeps of an execution: bounded in size, credentials masked, secrets redacted.
 */
import type { Message } from '../../core/message.js';
import { REDACTED, type Redactor } from '../../logging/redact.js';
import { summarizeMessage, summarizeValue } from '../../runtime/summary.js';
import type { ExecutionInput, ExecutionRecord } from '../../runtime/types.js';
import type { StoredExecution } from '../../store/types.js';

/** Request headers that carry credentials; their values are never kept. */
export const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

function maskHeaders(attributes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const headers = attributes?.headers;
  if (!attributes || typeof headers !== 'object' || headers === null) return attributes;
  let masked: Record<string, unknown> | undefined;
  for (const name of Object.keys(headers)) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    masked ??= { ...(headers as Record<string, unknown>) };
    masked[name] = REDACTED;
  }
  return masked ? { ...attributes, headers: masked } : attributes;
}

function keptInput(input: ExecutionInput): ExecutionInput {
  const kept: ExecutionInput = { payload: summarizeValue(input.payload) };
  if (input.attributes) kept.attributes = maskHeaders(input.attributes);
  if (input.vars) kept.vars = summarizeValue(input.vars) as Record<string, unknown>;
  return kept;
}

function keptMessage(message: Message): Message {
  const kept: Message = {
    payload: summarizeValue(message.payload),
    attributes: maskHeaders(message.attributes) ?? {},
    vars: summarizeValue(message.vars) as Record<string, unknown>,
  };
  if (message.error) kept.error = message.error;
  return kept;
}

/**
 * The history entry of a record: payloads summarized like step outputs, credential headers masked, and
 * every known connection secret redacted wherever it appears.
 */
export function toStoredExecution(
  record: ExecutionRecord,
  origin: { trigger: string; flowVersion?: string },
  redactor: Redactor,
): StoredExecution {
  const stored: StoredExecution = {
    ...record,
    steps: record.steps.map((step) =>
      step.output ? { ...step, output: summarizeMessage(step.output as Message) } : step,
    ),
    input: keptInput(record.input),
    trigger: origin.trigger,
  };
  if (record.result) stored.result = keptMessage(record.result);
  if (origin.flowVersion) stored.flowVersion = origin.flowVersion;
  return redactor.redactValue(stored);
}
