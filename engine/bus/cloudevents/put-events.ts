/**
 * @module The vendor's PutEvents request `{"EventList": [...]}`, mapped to bus events.
 */
import { randomUUID } from 'node:crypto';
import { joinPointer } from '../../core/issues.js';
import { checkAttribute } from './attributes.js';
import { isJsonObject, rejectEvent } from './outcome.js';
import { duplicateUnder, parseJson } from '../../json/strict.js';
import { DEFAULT_JSON_DEPTH } from '../../core/json-depth.js';
import type { BusEvent, ParsedEvent } from './types.js';
import { describeValue } from './value-rules.js';

/** The content type PutEvents data always has. */
export const PUT_EVENTS_DATACONTENTTYPE = 'application/json;charset=utf-8';

/** Each PutEvents member and the attribute it becomes (`Data` and `TagList` are handled apart). */
const MEMBER_ATTRIBUTES: Record<string, string> = {
  Source: 'source',
  Type: 'type',
  Subject: 'subject',
  Time: 'time',
  Region: 'region',
  Status: 'status',
  Id: 'id',
};
const KNOWN_MEMBERS = [...Object.keys(MEMBER_ATTRIBUTES), 'Data', 'TagList'];

/** Whether a JSON body is a PutEvents request. */
export function isPutEventsBody(value: unknown): value is { EventList: unknown; EventBusId?: unknown } {
  return isJsonObject(value) && 'EventList' in value;
}

/**
 * Maps each entry of `EventList`: Source, Type required; Id generated when absent; Data (a JSON string)
 * parsed as JSON when it is JSON, else kept as a string; TagList becomes `tags`; Status defaults to "".
 *
 * @example
 * readPutEvents([{ Source: 'app.orders', Type: 'order:created', Data: '{"n":1}' }], []);
 */
export function readPutEvents(
  list: unknown[],
  duplicates: string[],
  maxDepth = DEFAULT_JSON_DEPTH,
): ParsedEvent[] {
  return list.map((entry, index) => {
    const pointer = joinPointer('/EventList', index);
    const duplicate = duplicateUnder(duplicates, pointer);
    if (duplicate) return rejectEvent(index, `JSON member at ${duplicate} is repeated`, duplicate);
    return readEntry(entry, index, pointer, maxDepth);
  });
}

function readEntry(entry: unknown, index: number, pointer: string, maxDepth: number): ParsedEvent {
  if (!isJsonObject(entry)) {
    const message = `an EventList entry must be a JSON object, got ${describeValue(entry)}`;
    return rejectEvent(index, message, pointer);
  }
  const unknown = Object.keys(entry).find((member) => !KNOWN_MEMBERS.includes(member));
  if (unknown !== undefined) {
    const message = `unknown member "${unknown}" (expected ${KNOWN_MEMBERS.join(', ')})`;
    return rejectEvent(index, message, joinPointer(pointer, unknown));
  }
  const attributes: Record<string, unknown> = { specversion: '1.0' };
  for (const [member, name] of Object.entries(MEMBER_ATTRIBUTES)) {
    const value = entry[member];
    if (value === undefined || value === null) continue;
    const checked = checkAttribute(name, value, 'cloudevents');
    if (!checked.ok) return rejectEvent(index, `${member}: ${checked.message}`, joinPointer(pointer, member));
    attributes[name] = checked.value;
  }
  for (const [member, name] of [['Source', 'source'], ['Type', 'type']] as const) {
    if (!(name in attributes)) {
      return rejectEvent(index, `member "${member}" is required`, joinPointer(pointer, member));
    }
  }
  attributes.id ??= randomUUID();
  attributes.status ??= '';
  attributes.datacontenttype = PUT_EVENTS_DATACONTENTTYPE;
  const tags = readTagList(entry.TagList);
  if (typeof tags === 'string') return rejectEvent(index, tags, joinPointer(pointer, 'TagList'));
  if (tags) attributes.tags = tags;
  const { specversion, id, source, type, ...rest } = attributes;
  const event = { specversion, id, source, type, ...rest } as BusEvent;
  const data = readDataMember(entry.Data, maxDepth);
  if (!data.ok) return rejectEvent(index, data.message, joinPointer(pointer, 'Data'));
  if (data.present) event.data = data.value;
  return { ok: true, event };
}

/** `[{Key, Value}]` to `{Key: Value}`; a string says what is wrong. */
function readTagList(list: unknown): Record<string, string> | string | undefined {
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) return `TagList must be an array of {"Key", "Value"}, got ${describeValue(list)}`;
  const tags: Record<string, string> = {};
  for (const [position, tag] of list.entries()) {
    if (!isJsonObject(tag) || typeof tag.Key !== 'string' || typeof tag.Value !== 'string') {
      return `TagList[${position}] must be {"Key": string, "Value": string}`;
    }
    if (Object.hasOwn(tags, tag.Key)) return `TagList has the key ${describeValue(tag.Key)} twice`;
    tags[tag.Key] = tag.Value;
  }
  return tags;
}

type DataRead = { ok: true; present: boolean; value?: unknown } | { ok: false; message: string };

/** Data is documented as a JSON string; it is parsed when it holds JSON and kept as a string when not. */
function readDataMember(data: unknown, maxDepth: number): DataRead {
  if (data === undefined) return { ok: true, present: false };
  if (typeof data !== 'string') return { ok: true, present: true, value: data };
  const parsed = parseJson(data, maxDepth);
  // The JSON of the string nests with the request around it, so the request's depth limit applies.
  if (!parsed.ok && parsed.problem === 'depth') return { ok: false, message: `Data is ${parsed.reason}` };
  if (!parsed.ok) return { ok: true, present: true, value: data };
  const duplicate = parsed.duplicates[0];
  if (duplicate !== undefined) return { ok: false, message: `Data repeats the JSON member at ${duplicate}` };
  return { ok: true, present: true, value: parsed.value };
}
