/**
 * @module The dead-letter store: deliveries that failed for good under the DLQ policy, kept durably until
 * they are re-driven or deleted. One JSON-lines file of `add` / `update` / `remove` records, compacted on
 * open.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FlowError } from '../../core/errors.js';
import type { BusEvent } from '../cloudevents/index.js';
import { AppendFile } from '../../store/segments/append-file.js';
import { readJsonLines, rewriteJsonLines } from './json-lines.js';

/** One failed delivery of one event to one target. */
export interface DeadLetter {
  id: string;
  bus: string;
  rule: string;
  target: string;
  targetType: string;
  event: BusEvent;
  /** What the target was to receive (the transform output, or the event's structured form). */
  payload: unknown;
  transformed: boolean;
  acceptedAt: number;
  failedAt: number;
  attempts: number;
  error: FlowError;
  /** Re-drives tried so far. */
  redrives: number;
}

/** What a failed re-drive changes. */
type UpdatableField = 'attempts' | 'error' | 'failedAt' | 'redrives';

export interface DeadLetterQuery {
  bus?: string;
  rule?: string;
  target?: string;
  limit?: number;
  offset?: number;
}

/** The store; `open` reads the file back. */
export class DeadLetterStore {
  private constructor(
    private readonly letters: Map<string, DeadLetter>,
    private readonly file: AppendFile,
  ) {}

  static async open(path: string, options: { sync: boolean }): Promise<DeadLetterStore> {
    await mkdir(dirname(path), { recursive: true });
    const letters = new Map<string, DeadLetter>();
    for (const record of await readJsonLines(path)) {
      const id = record.id as string;
      const known = letters.get(id);
      if (record.op === 'add') letters.set((record.letter as DeadLetter).id, record.letter as DeadLetter);
      else if (record.op === 'update' && known) letters.set(id, { ...known, ...(record.changes as object) });
      else if (record.op === 'remove') letters.delete(id);
    }
    await rewriteJsonLines(path, [...letters.values()].map((letter) => ({ op: 'add', letter })));
    return new DeadLetterStore(letters, await AppendFile.open(path, options));
  }

  get size(): number {
    return this.letters.size;
  }

  /** Stores letters; resolves when they are durable. */
  async add(letters: readonly DeadLetter[]): Promise<void> {
    for (const letter of letters) this.letters.set(letter.id, letter);
    await this.file.append(letters.map((letter) => `${JSON.stringify({ op: 'add', letter })}\n`));
  }

  get(id: string): DeadLetter | undefined {
    return this.letters.get(id);
  }

  /** Changes fields of a letter (after a failed re-drive). */
  async update(id: string, changes: Partial<Pick<DeadLetter, UpdatableField>>): Promise<void> {
    const letter = this.letters.get(id);
    if (!letter) return;
    this.letters.set(id, { ...letter, ...changes });
    await this.file.append([`${JSON.stringify({ op: 'update', id, changes })}\n`]);
  }

  /** Removes a letter; false when there was none. */
  async remove(id: string): Promise<boolean> {
    if (!this.letters.delete(id)) return false;
    await this.file.append([`${JSON.stringify({ op: 'remove', id })}\n`]);
    return true;
  }

  /** Letters matching the query, newest failure first, with the total before paging. */
  list(query: DeadLetterQuery = {}): { total: number; items: DeadLetter[] } {
    const wanted = (value: string | undefined, actual: string) => value === undefined || value === actual;
    const matching = [...this.letters.values()]
      .filter((letter) => wanted(query.bus, letter.bus) && wanted(query.rule, letter.rule))
      .filter((letter) => wanted(query.target, letter.target))
      .sort((left, right) => right.failedAt - left.failedAt);
    const offset = query.offset ?? 0;
    return { total: matching.length, items: matching.slice(offset, offset + (query.limit ?? 20)) };
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}
