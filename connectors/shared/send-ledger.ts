/**
 * @module What connectors have sent, by idempotency key, so a step run again (a resumed execution, a
 * redelivered notification) does not send the same message twice within the retention period. In memory
 * until the server opens it with the data folder; from then on in a durable keyed ledger
 * (`<dataDir>/connectors/sent-ledger`) that survives a crash.
 */
import { join } from 'node:path';
import { KeyedLedger, type DataFolderService } from '../../engine/sdk.js';

export interface SendLedgerOptions {
  /** How long a send is remembered; default 48 hours. */
  retentionMs?: number;
  /** How many sends are remembered; default 100,000 (oldest forgotten first). */
  maxEntries?: number;
  now?: () => number;
}

const DEFAULT_RETENTION_MS = 48 * 3_600_000;
const DEFAULT_MAX_ENTRIES = 100_000;
/** Keys are built from ids the flow and bus bound; a longer one is a bug, not something to store. */
const MAX_KEY_CHARS = 2_048;

/** The connectors' sent ledger; one per process, shared by the robot and e-mail steps and message push. */
export class SendLedger implements DataFolderService {
  readonly name = 'connector send ledger';
  private readonly memory: KeyedLedgerInMemory;
  private durable: KeyedLedger<number> | undefined;
  private readonly retentionMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: SendLedgerOptions = {}) {
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
    this.memory = new KeyedLedgerInMemory(this.retentionMs, this.maxEntries, this.now);
  }

  /** Moves to `<dataDir>/connectors/sent-ledger`; what was recorded in memory before is written there too. */
  async open(dataDir: string): Promise<void> {
    if (this.durable) return;
    const dir = join(dataDir, 'connectors', 'sent-ledger');
    const { retentionMs, maxEntries, now } = this;
    const durable = await KeyedLedger.open<number>(dir, { kind: 'sent-ledger', retentionMs, maxEntries, now });
    for (const key of this.memory.keys()) if (!durable.has(key)) await durable.set(key, 1);
    this.durable = durable;
  }

  async close(): Promise<void> {
    const durable = this.durable;
    this.durable = undefined;
    await durable?.close();
  }

  /** Whether a send with this key was recorded within the retention period. */
  has(key: string): boolean {
    return this.durable ? this.durable.has(key) : this.memory.has(key);
  }

  /** Records a send; resolves once it is written (durable after `open`). */
  async record(key: string): Promise<void> {
    if (key.length > MAX_KEY_CHARS) throw new Error(`a send ledger key is ${key.length} characters long`);
    if (this.durable) await this.durable.set(key, 1);
    else this.memory.add(key);
  }

  get size(): number {
    return this.durable ? this.durable.size : this.memory.size;
  }
}

/** The bounded, time-limited key set used before the data folder is known (the CLI's `run`). */
class KeyedLedgerInMemory {
  private readonly sentAt = new Map<string, number>();

  constructor(
    private readonly retentionMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  has(key: string): boolean {
    const at = this.sentAt.get(key);
    return at !== undefined && this.now() - at <= this.retentionMs;
  }

  add(key: string): void {
    const now = this.now();
    this.sentAt.delete(key);
    this.sentAt.set(key, now);
    for (const [oldest, at] of this.sentAt) {
      if (this.sentAt.size <= this.maxEntries && now - at <= this.retentionMs) break;
      this.sentAt.delete(oldest);
    }
  }

  keys(): Iterable<string> {
    return this.sentAt.keys();
  }

  get size(): number {
    return this.sentAt.size;
  }
}
