/**
 * @module The input of a dry run: given directly, given as a CloudEvent, or the event trigger's sample event.
 */
import type { Attributes } from '../../core/message.js';
import type { FlowDocument } from '../../flow/document.js';
import { eventTriggerInput } from '../../runtime/trigger-input.js';
import type { ExecutionInput } from '../../runtime/types.js';
import { badRequest } from './errors.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the dry-run body: `{ "input": { payload, attributes?, vars? } }`, or `{ "event": <CloudEvent> }`
 * (made into the input the bus would give the flow), or
 * nothing, which takes the event trigger's `sampleEvent` (or a `null` payload).
 */
export function dryRunInput(body: Record<string, unknown>, document: FlowDocument): ExecutionInput {
  if (body.input !== undefined && body.event !== undefined) {
    throw badRequest('give "input" or "event", not both');
  }
  if (body.event !== undefined) {
    if (!isRecord(body.event)) throw badRequest('"event" must be a CloudEvent object');
    return eventTriggerInput(body.event);
  }
  if (body.input !== undefined) {
    const input = body.input;
    if (!isRecord(input)) throw badRequest('"input" must be an object { payload, attributes?, vars? }');
    if (input.attributes !== undefined && !isRecord(input.attributes)) {
      throw badRequest('"input.attributes" must be an object');
    }
    if (input.vars !== undefined && !isRecord(input.vars)) throw badRequest('"input.vars" must be an object');
    return {
      payload: input.payload ?? null,
      attributes: (input.attributes as Attributes | undefined) ?? {},
      vars: (input.vars as Record<string, unknown> | undefined) ?? {},
    };
  }
  const sample = document.trigger.config?.sampleEvent;
  return isRecord(sample) ? eventTriggerInput(sample) : { payload: null, attributes: {} };
}
