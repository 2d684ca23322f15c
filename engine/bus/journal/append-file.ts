/**
 * @module An append-only file with group commit: lines appended while a write is in progress go out together
 * in the next write, followed by one fdatasync, so many concurrent callers share one sync.
 */
import { open, type FileHandle } from 'node:fs/promises';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * A file opened for appending. `append` resolves once the lines are written and, with `sync`, on disk.
 *
 * @example
 * const file = await AppendFile.open('data/bus/journal/000001.jsonl', { sync: true });
 * await file.append(['{"t":"e"}\n']); // durable now
 */
export class AppendFile {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly sync: boolean,
    private bytes: number,
  ) {}

  static async open(path: string, options: { sync: boolean }): Promise<AppendFile> {
    const handle = await open(path, 'a');
    const { size } = await handle.stat();
    return new AppendFile(path, handle, options.sync, size);
  }

  /** Bytes in the file, counting lines appended but not yet written. */
  get size(): number {
    return this.bytes;
  }

  /** Appends whole lines (each ending in `\n`); resolves when they are written (and synced). */
  append(lines: readonly string[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.path} is closed`));
    for (const line of lines) {
      this.pending.push(line);
      this.bytes += Buffer.byteLength(line);
    }
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flushLoop();
    return done;
  }

  private async flushLoop(): Promise<void> {
    // Let every caller of this tick join the first write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const lines = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await this.handle.write(lines.join(''));
        if (this.sync) await this.handle.datasync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error as Error);
      }
    }
    this.flushing = undefined;
  }

  /** Waits for every pending line, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}
