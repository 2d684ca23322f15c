/**
 * @module The ids of the events that queue sources handed to the bus, kept on disk so that a message the
 * broker redelivers after a crash is recognised. An append-only file of `bus<TAB>id` lines; concurrent adds
 * share one write and one fdatasync; the newest `capacity` ids are kept, the file is rewritten when it holds
 * twice that many.
 */
import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

const key = (bus: string, id: string) => `${bus}\t${id}`;

/** The durable set of recent event ids, per bus. */
export class IdLedger {
  private readonly known = new Set<string>();
  private lines = 0;
  private waiting: Array<{ line: string; done: (error?: Error) => void }> = [];
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly path: string,
    private file: FileHandle,
    private readonly capacity: number,
    private readonly sync: boolean,
  ) {}

  /**
   * Opens (or creates) the ledger; a torn last line (a crash mid-write) is ignored: its add never resolved.
   *
   * @example
   * const ledger = await IdLedger.open('data/sources/event-ids.log');
   * if (!ledger.has('retail', id)) { await bus.publish('retail', [event]); await ledger.add('retail', id); }
   */
  static async open(path: string, options: { capacity?: number; sync?: boolean } = {}): Promise<IdLedger> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch(() => '');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const ledger = new IdLedger(path, await open(path, 'a'), options.capacity ?? 200_000, options.sync ?? true);
    for (const line of complete.split('\n')) if (line) ledger.remember(line);
    if (complete.length !== text.length) await ledger.compact();
    return ledger;
  }

  has(bus: string, id: string): boolean {
    return this.known.has(key(bus, id));
  }

  /** Records an id; resolves once it is on disk. */
  add(bus: string, id: string): Promise<void> {
    const line = key(bus, id);
    this.remember(line);
    return new Promise((resolve, reject) => {
      this.waiting.push({ line, done: (error) => (error ? reject(error) : resolve()) });
      this.writing ??= this.flush();
    });
  }

  async close(): Promise<void> {
    while (this.writing) await this.writing;
    await this.file.close();
  }

  private remember(line: string): void {
    this.known.delete(line);
    this.known.add(line);
    this.lines += 1;
    while (this.known.size > this.capacity) this.known.delete(this.known.values().next().value as string);
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.file.write(batch.map((entry) => `${entry.line}\n`).join(''));
        if (this.sync) await this.file.datasync();
        if (this.lines > 2 * this.capacity) await this.compact();
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.done(error as Error);
      }
    }
    this.writing = undefined;
  }

  /** Rewrites the file with the ids kept in memory (atomically: a temporary file renamed over it). */
  private async compact(): Promise<void> {
    const temporary = `${this.path}.tmp`;
    const handle = await open(temporary, 'w');
    await handle.write([...this.known].map((line) => `${line}\n`).join(''));
    await handle.datasync();
    await handle.close();
    await rename(temporary, this.path);
    await this.file.close();
    this.file = await open(this.path, 'a');
    this.lines = this.known.size;
  }
}
