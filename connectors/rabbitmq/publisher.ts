/**
 * @module Publishing with publisher confirms: one connection and confirm channel per broker URL, opened on
 * first use and again after it was lost; a publish resolves when the broker confirms it.
 */
import { connect, type ChannelModel, type ConfirmChannel, type Options } from 'amqplib';
import { FlowbusError } from '../../engine/sdk.js';
import { shownUrl } from './connection.js';
import { rabbitError } from './errors.js';

interface Link {
  model: ChannelModel;
  channel: ConfirmChannel;
  /** Why the channel closed, as the broker said it (`404 NOT_FOUND - no exchange ...`). */
  closedBy?: Error;
  dead?: boolean;
}

/** One message to publish. */
export interface Publication {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/** The confirm channels of one process, by broker URL. */
export class RabbitPublishers {
  private readonly links = new Map<string, Promise<Link>>();
  private readonly opened = new Map<string, Link>();

  /**
   * Publishes and waits for the broker's confirm; throws a typed `RABBITMQ:*` error.
   *
   * @example
   * await publishers.publish(url, { exchange: 'orders', routingKey: 'order.updated', content, options }, 5000);
   */
  async publish(url: string, message: Publication, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const where = `publishing to RabbitMQ ${shownUrl(url)} exchange "${message.exchange}"`;
    const link = await this.link(url, where);
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error instanceof FlowbusError ? error : rabbitError(link.closedBy ?? error, where));
      };
      const onAbort = () => fail(new FlowbusError('RABBITMQ:CONNECTIVITY', `${where}: cancelled`));
      const timer = setTimeout(() => {
        this.drop(url, link);
        fail(new FlowbusError('RABBITMQ:NACKED', `${where}: no confirm within ${timeoutMs} ms`));
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        link.channel.publish(message.exchange, message.routingKey, message.content, message.options, (error) => {
          if (!error) {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            return resolve();
          }
          // A closed channel reports itself a moment after the nack: give its reason the chance to arrive.
          setImmediate(() => fail(link.closedBy ?? new FlowbusError('RABBITMQ:NACKED', `${where}: the broker nacked it`)));
        });
      } catch (error) {
        this.drop(url, link);
        fail(error);
      }
    });
  }

  async close(): Promise<void> {
    const links = [...this.links.values()];
    this.links.clear();
    this.opened.clear();
    for (const pending of links) await pending.then((link) => link.model.close()).catch(() => undefined);
  }

  private link(url: string, where: string): Promise<Link> {
    if (this.opened.get(url)?.dead) {
      this.links.delete(url);
      this.opened.delete(url);
    }
    let pending = this.links.get(url);
    if (!pending) {
      pending = this.open(url).catch((error: unknown) => {
        this.links.delete(url);
        throw rabbitError(error, where);
      });
      this.links.set(url, pending);
    }
    return pending;
  }

  private async open(url: string): Promise<Link> {
    const model = await connect(url, { timeout: 10_000 });
    const channel = await model.createConfirmChannel();
    const link: Link = { model, channel };
    this.opened.set(url, link);
    const lost = (error?: Error) => {
      if (error && !link.closedBy) link.closedBy = error;
      this.drop(url, link);
    };
    model.on('error', lost);
    model.on('close', lost);
    channel.on('error', lost);
    channel.on('close', () => lost());
    return link;
  }

  private drop(url: string, link: Link): void {
    if (link.dead) return;
    link.dead = true;
    if (this.opened.get(url) === link) {
      this.opened.delete(url);
      this.links.delete(url);
    }
    link.model.close().catch(() => undefined);
  }
}
