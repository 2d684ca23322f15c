/**
 * @module Which channels of which notification were sent, so a retry (or a re-drive) sends only the channels
 * that failed. Kept in memory: after a restart a redelivered notification may be sent once more.
 */

/** Which delivery a key belongs to. */
export interface DeliveryKey {
  bus: string;
  rule: string;
  target: string;
  eventId: string;
}

/** The key of one channel of one receiver (by index) of one delivery. */
export function sentKey(delivery: DeliveryKey, receiver: number, channel: string): string {
  const { bus, rule, target, eventId } = delivery;
  return [bus, rule, target, eventId, receiver, channel].join('\u0000');
}

/** A bounded, time-limited set of sent keys. */
export class SentLedger {
  private readonly sentAt = new Map<string, number>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly keepMs = 48 * 3_600_000,
  ) {}

  has(key: string, now: number): boolean {
    const at = this.sentAt.get(key);
    return at !== undefined && now - at <= this.keepMs;
  }

  add(key: string, now: number): void {
    this.sentAt.delete(key);
    this.sentAt.set(key, now);
    // Oldest first: a Map iterates in insertion order.
    for (const [oldest, at] of this.sentAt) {
      if (this.sentAt.size <= this.maxEntries && now - at <= this.keepMs) break;
      this.sentAt.delete(oldest);
    }
  }

  get size(): number {
    return this.sentAt.size;
  }
}
