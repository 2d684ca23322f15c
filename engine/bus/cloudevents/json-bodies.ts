/**
 * @module The JSON request bodies: a structured event, a JSON batch, the vendor's application/json shapes.
 */
import { joinPointer } from '../../core/issues.js';
import { readEventObject } from './event-object.js';
import { isJsonObject, rejectEvent } from './outcome.js';
import { isPutEventsBody, readPutEvents } from './put-events.js';
import { duplicateUnder, parseJsonBytes } from '../../json/strict.js';
import type { HttpParseResult, ParsedEvent } from './types.js';
import { describeValue } from './value-rules.js';

const PUT_EVENTS_MEMBERS = new Set(['EventList', 'EventBusId']);

/** `application/cloudevents+json`: the body is one event object. */
export function readStructuredBody(body: Buffer, maxDepth: number): HttpParseResult {
  const parsed = parseJsonBytes(body, maxDepth);
  if (!parsed.ok) return { mode: 'invalid', reason: `body is ${parsed.reason}` };
  return { mode: 'structured', events: [readOneEvent(parsed.value, parsed.duplicates, 'cloudevents')] };
}

/** `application/cloudevents-batch+json`: the body is an array of event objects, each judged on its own. */
export function readBatchBody(body: Buffer, maxDepth: number): HttpParseResult {
  const parsed = parseJsonBytes(body, maxDepth);
  if (!parsed.ok) return { mode: 'invalid', reason: `body is ${parsed.reason}` };
  if (!Array.isArray(parsed.value)) {
    const reason = `a batch body must be a JSON array, got ${describeValue(parsed.value)}`;
    return { mode: 'invalid', reason };
  }
  const events = parsed.value.map((element, index) => {
    const pointer = joinPointer('', index);
    const duplicate = duplicateUnder(parsed.duplicates, pointer);
    if (duplicate) return rejectEvent(index, `JSON member at ${duplicate} is repeated`, duplicate);
    return readEventObject(element, { index, pointer }, 'cloudevents');
  });
  return { mode: 'batch', events };
}

/**
 * `application/json` without `ce-specversion`: the vendor's PutEvents request, or one event object in the
 * vendor's style (it has `specversion`, or `source` and `type`), read with the vendor's leniencies.
 */
export function readVendorJsonBody(body: Buffer, maxDepth: number): HttpParseResult {
  const parsed = parseJsonBytes(body, maxDepth);
  if (!parsed.ok) return { mode: 'invalid', reason: `body is ${parsed.reason}` };
  const { value, duplicates } = parsed;
  if (isPutEventsBody(value)) {
    const unknown = Object.keys(value).find((member) => !PUT_EVENTS_MEMBERS.has(member));
    if (unknown !== undefined) {
      return { mode: 'invalid', reason: `PutEvents request has the unknown member "${unknown}"` };
    }
    if (!Array.isArray(value.EventList)) {
      const reason = `"EventList" must be an array, got ${describeValue(value.EventList)}`;
      return { mode: 'invalid', reason };
    }
    const outside = duplicates.find((pointer) => !/^\/EventList\/\d+\//.test(pointer));
    if (outside) return { mode: 'invalid', reason: `JSON member at ${outside} is repeated` };
    const events = readPutEvents(value.EventList, duplicates, maxDepth);
    const busId = value.EventBusId;
    return { mode: 'put-events', events, ...(typeof busId === 'string' && busId !== '' ? { eventBusId: busId } : {}) };
  }
  if (isJsonObject(value) && ('specversion' in value || ('source' in value && 'type' in value))) {
    return { mode: 'structured', events: [readOneEvent(value, duplicates, 'vendor')] };
  }
  const reason =
    'an application/json body must be a PutEvents request {"EventList": [...]} or an event object with ' +
    '"source" and "type" (binary mode needs a ce-specversion header)';
  return { mode: 'invalid', reason };
}

function readOneEvent(value: unknown, duplicates: string[], flavour: 'cloudevents' | 'vendor'): ParsedEvent {
  const duplicate = duplicates[0];
  if (duplicate !== undefined) return rejectEvent(0, `JSON member at ${duplicate} is repeated`, duplicate);
  return readEventObject(value, { index: 0, pointer: '' }, flavour);
}
