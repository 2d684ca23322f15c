/**
 * @module An append-only file with group commit: lines appended while a write is in progress go out together
 * in the next write, followed by one fdatasync, so many concurrent callers share one sync.
 */
import { open, type FileHandle } from 'node:fs/promises';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A line to append: text, or bytes already encoded (a framed record). Each ends in `\n`. */
export type AppendLine = string | Uint8Array;

export interface AppendFileOptions {
  /** fdatasync after each write, before the appends it carried resolve. */
  sync: boolean;
}

/**
 * A file opened for appending. `append` resolves once the lines are written and, with `sync`, on disk.
 *
 * @example
 * const file = await AppendFile.open('data/bus/journal/000000000001.seg', { sync: true });
 * await file.append(['{"t":"e"}\n']); // durable now
 */
export class AppendFile {
  private pending: AppendLine[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private gate: Promise<unknown> | undefined;
  private closed = false;
  /** A failed write could not be cut back: appending after its torn line would make it corruption. */
  private broken = false;
  /** Bytes known to be in the file; a failed write is cut back to this, so no torn line stays mid-file. */
  private written: number;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly options: AppendFileOptions,
    private bytes: number,
  ) {
    this.written = bytes;
  }

  static async open(path: string, options: AppendFileOptions): Promise<AppendFile> {
    const handle = await open(path, 'a');
    const { size } = await handle.stat();
    return new AppendFile(path, handle, options, size);
  }

  /** Bytes in the file, counting lines appended but not yet written. */
  get size(): number {
    return this.bytes;
  }

  /** Writes nothing more until `done` settles (a new segment waits for the one before it to be on disk). */
  holdUntil(done: Promise<unknown>): void {
    this.gate = done.catch(() => undefined);
  }

  /** Appends whole lines (each ending in `\n`); resolves when they are written (and synced). */
  append(lines: readonly AppendLine[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.path} is closed`));
    if (this.broken) return Promise.reject(new Error(`${this.path} ends in a failed write`));
    for (const line of lines) {
      this.pending.push(line);
      this.bytes += typeof line === 'string' ? Buffer.byteLength(line) : line.byteLength;
    }
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flushLoop();
    return done;
  }

  private async flushLoop(): Promise<void> {
    if (this.gate) await this.gate;
    // Let every caller of this tick join the first write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const lines = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      // One buffer of lines (a writer that frames into its own buffer) is written as it is, without a copy.
      const [only] = lines;
      const data =
        lines.length === 1 && typeof only !== 'string'
          ? Buffer.from(only!.buffer, only!.byteOffset, only!.byteLength)
          : Buffer.concat(lines.map((line) => (typeof line === 'string' ? Buffer.from(line) : line)));
      try {
        if (this.broken) throw new Error(`${this.path} ends in a failed write`);
        await this.writeAll(data);
        if (this.options.sync) await this.handle.datasync();
        this.written += data.length;
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.bytes -= data.length;
        await this.rollBack();
        for (const waiter of waiters) waiter.reject(error as Error);
      }
    }
    this.flushing = undefined;
  }

  /** One write call may write less than asked (a full disk, a signal): write the rest. */
  private async writeAll(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
  }

  /** Cuts a partly written group off again, so that the next lines do not follow a torn one. */
  private async rollBack(): Promise<void> {
    try {
      await this.handle.truncate(this.written);
    } catch {
      // The file ends in a torn line, which a reader reports; lines after it would read as corruption.
      this.broken = true;
    }
  }

  /** Waits for every pending line, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}
