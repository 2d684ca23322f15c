/**
 * @module Reads one event in the CloudEvents JSON format (a structured body or a batch element).
 */
import { randomUUID } from 'node:crypto';
import { joinPointer } from '../../core/issues.js';
import {
  attributeNameProblem,
  checkAttribute,
  REQUIRED_ATTRIBUTES,
  type AttributeCheck,
  type Flavour,
} from './attributes.js';
import { declaresJson } from './media-type.js';
import { isJsonObject, rejectEvent } from './outcome.js';
import type { BusEvent, ParsedEvent } from './types.js';
import { describeValue, isBase64 } from './value-rules.js';

/** Where an event sits: its index in the request and the JSON pointer of its object in the body. */
export interface EventLocation {
  index: number;
  pointer: string;
}

/** Misspelt member names that the vendor's own samples use, and the attribute each one means. */
const VENDOR_TYPOS: Record<string, string> = {
  subjuect: 'subject',
  timer: 'time',
  dataContentType: 'datacontenttype',
};

/**
 * Checks a JSON value as one event and builds the BusEvent. A `null` attribute is unset. With the
 * `vendor` flavour the documented typos are read as their attributes, a missing id is generated and a
 * missing specversion is taken as 1.0.
 *
 * @example
 * const value = { specversion: '1.0', id: '1', source: '/s', type: 't' };
 * readEventObject(value, { index: 0, pointer: '' }, 'cloudevents'); // { ok: true, event: { ... } }
 */
export function readEventObject(value: unknown, at: EventLocation, flavour: Flavour): ParsedEvent {
  if (!isJsonObject(value)) {
    return rejectEvent(at.index, `an event must be a JSON object, got ${describeValue(value)}`, at.pointer);
  }
  const members = flavour === 'vendor' ? renameTypos(value) : plainMembers(value);
  if (!members.ok) return rejectEvent(at.index, members.message, at.pointer);

  const attributes: Record<string, unknown> = {};
  for (const [name, { member, value: raw }] of members.members) {
    if (name === 'data' || name === 'data_base64') continue;
    // A null attribute is unset, but its name must still be one an attribute can have.
    const checked = raw === null ? nameCheck(name) : checkAttribute(name, raw, flavour);
    if (!checked.ok) return rejectEvent(at.index, checked.message, joinPointer(at.pointer, member));
    if (raw !== null) attributes[name] = checked.value;
  }
  for (const name of REQUIRED_ATTRIBUTES) {
    if (name in attributes) continue;
    if (flavour === 'vendor' && name === 'id') attributes.id = randomUUID();
    else if (flavour === 'vendor' && name === 'specversion') attributes.specversion = '1.0';
    else return rejectEvent(at.index, `attribute "${name}" is required`, joinPointer(at.pointer, name));
  }
  const event = orderEvent(attributes);
  const data = readData(value, event);
  if (data) return rejectEvent(at.index, data.message, joinPointer(at.pointer, data.member));
  return { ok: true, event };
}

function nameCheck(name: string): AttributeCheck {
  const problem = attributeNameProblem(name);
  return problem ? { ok: false, message: problem } : { ok: true, value: null };
}

type Members = Map<string, { member: string; value: unknown }>;

type MembersRead = { ok: true; members: Members } | { ok: false; message: string };

function plainMembers(value: Record<string, unknown>): MembersRead {
  const members: Members = new Map();
  for (const [name, raw] of Object.entries(value)) members.set(name, { member: name, value: raw });
  return { ok: true, members };
}

function renameTypos(value: Record<string, unknown>): MembersRead {
  const members: Members = new Map();
  for (const [member, raw] of Object.entries(value)) {
    const name = VENDOR_TYPOS[member] ?? member;
    const earlier = members.get(name);
    if (earlier) {
      const message = `attribute "${name}" is given twice, as "${earlier.member}" and "${member}"`;
      return { ok: false, message };
    }
    members.set(name, { member, value: raw });
  }
  return { ok: true, members };
}

/** The required attributes first, then the others in the order they came. */
function orderEvent(attributes: Record<string, unknown>): BusEvent {
  const { specversion, id, source, type, ...rest } = attributes;
  return { specversion, id, source, type, ...rest } as BusEvent;
}

type DataProblem = { message: string; member: string } | undefined;

/** Copies data or data_base64 onto the event; returns what is wrong with them, if anything. */
function readData(value: Record<string, unknown>, event: BusEvent): DataProblem {
  const base64 = value.data_base64;
  if (base64 !== undefined && base64 !== null) {
    if ('data' in value) {
      return { message: '"data" and "data_base64" must not both be present', member: 'data' };
    }
    if (typeof base64 !== 'string' || !isBase64(base64)) {
      const message = `"data_base64" must be Base64 (RFC 4648), got ${describeValue(base64)}`;
      return { message, member: 'data_base64' };
    }
    event.data_base64 = base64;
    return undefined;
  }
  if (!('data' in value)) return undefined;
  if (!declaresJson(event.datacontenttype) && typeof value.data !== 'string') {
    const contentType = describeValue(event.datacontenttype);
    const message = `"data" must be a string for the non-JSON datacontenttype ${contentType}`;
    return { message, member: 'data' };
  }
  event.data = value.data;
  return undefined;
}
