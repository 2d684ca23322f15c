/**
 * @module The baseline of bench/bus.ts: what a developer would write by hand for the same job with node:http
 * alone. Each structured event is parsed once, appended to one file with group commit (one write and one
 * fdatasync for every event waiting) before its 202, then POSTed on to the webhook, 8 at a time, over a
 * keep-alive agent. No rules, retries, traces or metrics.
 */
import { open } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const DELIVERY_CONCURRENCY = 8;

/** Starts the hand-written ingest server; `idle` resolves once every accepted event is delivered. */
export async function startBaseline(folder: string, receiverUrl: string) {
  const file = await open(join(folder, 'events.jsonl'), 'a');
  let lines: string[] = [];
  let acks: Array<() => void> = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (lines.length > 0) {
      const batch = lines;
      const waiting = acks;
      lines = [];
      acks = [];
      await file.write(batch.join(''));
      await file.datasync();
      for (const ack of waiting) ack();
    }
    writing = false;
  };

  const agent = new Agent({ keepAlive: true, maxSockets: DELIVERY_CONCURRENCY });
  const queue: string[] = [];
  let inFlight = 0;
  let idleWaiters: Array<() => void> = [];
  const deliverNext = () => {
    while (inFlight < DELIVERY_CONCURRENCY && queue.length > 0) {
      const body = queue.shift()!;
      inFlight += 1;
      const headers = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
      const outgoing = request(receiverUrl, { method: 'POST', agent, headers }, (response) => {
        response.resume();
        response.on('end', () => {
          inFlight -= 1;
          if (inFlight === 0 && queue.length === 0) for (const resolve of idleWaiters.splice(0)) resolve();
          deliverNext();
        });
      });
      outgoing.end(body);
    }
  };

  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(text) as { id?: unknown };
      if (typeof event.id !== 'string') {
        response.writeHead(400).end();
        return;
      }
      lines.push(`${text}\n`);
      acks.push(() => {
        response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ ids: [event.id] }));
        queue.push(text);
        deliverNext();
      });
      if (!writing) setImmediate(() => void (writing ? undefined : flush()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    idle: () =>
      inFlight === 0 && queue.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
      idleWaiters = [];
      await file.close();
    },
  };
}
