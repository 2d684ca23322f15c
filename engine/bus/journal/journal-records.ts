/**
 * @module The records of the bus journal, one framed JSON line each (see bus-journal.ts for what they mean):
 * `e` an accepted event, `r` its routing, `a` a task finished, `n` a task's failed attempts, `w` a task
 * deferred to a due time.
 */
import { structuredText } from '../cloudevents/index.js';
import { frameRecord } from '../../store/segments/index.js';
import type { JournaledEvent } from './bus-journal.js';

/** The event in its structured JSON form, whose text ingest has already written (for the size check). */
export function eventLine(event: JournaledEvent): Buffer {
  const { seq, bus, acceptedAt, event: body } = event;
  const head = `{"t":"e","s":${seq},"b":${JSON.stringify(bus)},"at":${JSON.stringify(acceptedAt)},"ev":`;
  return frameRecord(`${head}${structuredText(body)}}`);
}

export function routingLine(seq: number, tasks: readonly string[]): Buffer {
  return frameRecord(JSON.stringify({ t: 'r', s: seq, k: tasks }));
}

export function doneLine(seq: number, task: string): Buffer {
  return frameRecord(JSON.stringify({ t: 'a', s: seq, k: task }));
}

export function attemptsLine(seq: number, task: string, count: number): Buffer {
  return frameRecord(JSON.stringify({ t: 'n', s: seq, k: task, n: count }));
}

export function deferralLine(seq: number, task: string, dueAt: number, since: number): Buffer {
  return frameRecord(JSON.stringify({ t: 'w', s: seq, k: task, due: dueAt, since }));
}
