/**
 * @module JetStream publishing: one connection per server (the client reconnects by itself), a publish
 * resolves with JetStream's acknowledgement (stream and sequence); the event id goes as `Nats-Msg-Id`, so
 * the stream drops a repeat inside its duplicate window.
 */
import { connect, type MsgHdrs, type NatsConnection } from 'nats';
import { natsError } from './errors.js';

/** The NATS connections of one process, by server options. */
export class NatsPublishers {
  private readonly connections = new Map<string, Promise<NatsConnection>>();

  /**
   * Publishes to a subject and waits for the JetStream acknowledgement; throws `NATS:*`.
   *
   * @example
   * await publishers.publish({ servers: 'nats://127.0.0.1:4222' }, 'orders.updated', data, { msgID, headers });
   */
  async publish(
    options: { servers: string; user?: string; pass?: string; token?: string },
    subject: string,
    data: Uint8Array,
    extra: { msgID?: string; headers?: MsgHdrs; timeoutMs?: number },
  ): Promise<{ stream: string; seq: number; duplicate: boolean }> {
    const where = `publishing to NATS subject "${subject}"`;
    const key = JSON.stringify(options);
    let pending = this.connections.get(key);
    if (!pending) {
      pending = connect({ ...options, maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 10_000 });
      this.connections.set(key, pending);
      pending.then((connection) => {
        void connection.closed().then(() => this.connections.get(key) === pending && this.connections.delete(key));
      }, () => this.connections.delete(key));
    }
    try {
      const connection = await pending;
      const ack = await connection.jetstream().publish(subject, data, {
        ...(extra.msgID ? { msgID: extra.msgID } : {}),
        ...(extra.headers ? { headers: extra.headers } : {}),
        timeout: extra.timeoutMs ?? 10_000,
      });
      return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      const typed = natsError(error, where);
      // A connection that lost its server may keep a stale reply subscription: the next attempt opens a new one.
      if (typed.type === 'NATS:TIMEOUT' || typed.type === 'NATS:CONNECTIVITY') this.forget(key, pending);
      throw typed;
    }
  }

  private forget(key: string, pending: Promise<NatsConnection>): void {
    if (this.connections.get(key) !== pending) return;
    this.connections.delete(key);
    void pending.then((connection) => connection.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    for (const pending of all) await pending.then((connection) => connection.close()).catch(() => undefined);
  }
}
