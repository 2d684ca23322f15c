/**
 * @module The queue crash test: 5,000 messages in a RabbitMQ queue and 5,000 in a NATS JetStream stream,
 * consumed by flowbus in a child process that is killed with SIGKILL mid-stream and restarted on the same
 * data folder. Every message reaches the rule's target (0 lost: what the brokers hold as acked was made
 * durable first, the rest they redeliver); duplicates are counted and printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as amqpConnect } from 'amqplib';
import { connect as natsConnect, headers as natsHeaders } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNats, type RunningBroker } from '../brokers/nats.js';
import { startRabbitMq, type RunningRabbitMq } from '../brokers/rabbitmq.js';
import { waitFor } from '../stories/story-server.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const PER_BROKER = 5000;
const KILL_AFTER = 1500;

let folder: string;
let rabbit: RunningRabbitMq;
let nats: RunningBroker;
let receiver: Server;
const received = new Map<string, number>();
const children = new Set<ChildProcess>();

const count = (prefix: string) => [...received.keys()].filter((id) => id.startsWith(prefix)).length;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-queue-crash-'));
  [rabbit, nats] = await Promise.all([startRabbitMq(), startNats()]);
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const parsed = JSON.parse(body) as { EventList?: Array<{ id: string }>; id?: string };
      for (const event of parsed.EventList ?? [parsed]) received.set(event.id!, (received.get(event.id!) ?? 0) + 1);
      response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const sink = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sink`;
  const flows = join(folder, 'flows');
  await mkdir(flows);
  const source = (type: string, config: object) => ({ format: 'flowbus/source@1', name: type, type, config });
  await writeFile(join(flows, 'rabbit.source.json'), JSON.stringify(source('rabbitmq', { url: rabbit.url, queue: 'crash', prefetch: 64 })));
  await writeFile(join(flows, 'nats.source.json'), JSON.stringify(source('nats', { url: nats.url, stream: 'CRASH', durable: 'flowbus', maxAckPending: 128 })));
  await writeFile(join(flows, 'all.rule.json'), JSON.stringify({
    format: 'flowbus/rule@1',
    name: 'Everything to the sink',
    pattern: { source: ['crash.test'] },
    targets: [{ id: 'sink', type: 'webhook', config: { url: sink }, batch: { maxEvents: 50, maxWaitMs: 20 }, concurrency: 2 }],
  }));
  const model = await amqpConnect(rabbit.url);
  const channel = await model.createConfirmChannel();
  await channel.assertQueue('crash', { durable: true });
  for (let n = 0; n < PER_BROKER; n += 1) {
    const headers = { cloudEvents_specversion: '1.0', cloudEvents_id: `r-${n}`, cloudEvents_source: 'crash.test', cloudEvents_type: 'crash.event' };
    channel.sendToQueue('crash', Buffer.from(`{"n":${n}}`), { persistent: true, contentType: 'application/json', headers });
  }
  await channel.waitForConfirms();
  await model.close();
  const client = await natsConnect({ servers: nats.url });
  await (await client.jetstreamManager()).streams.add({ name: 'CRASH', subjects: ['crash.>'] });
  const js = client.jetstream();
  for (let start = 0; start < PER_BROKER; start += 500) {
    await Promise.all(Array.from({ length: 500 }, (_, offset) => {
      const headers = natsHeaders();
      for (const [name, value] of Object.entries({ specversion: '1.0', id: `n-${start + offset}`, source: 'crash.test', type: 'crash.event' })) headers.set(`ce-${name}`, value);
      return js.publish('crash.events', `{"n":${start + offset}}`, { headers });
    }));
  }
  await client.close();
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await Promise.all([rabbit?.stop(), nats?.stop()]);
  await rm(folder, { recursive: true, force: true });
}, 60_000);

async function startChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, join(folder, 'data'), join(folder, 'flows')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/LISTENING \d+/.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`flowbus exited with ${code}: ${errors}`)));
  });
  return child;
}

describe('queue crash test', () => {
  it('loses no message of either broker across a SIGKILL mid-stream and a restart', async () => {
    const first = await startChild();
    await waitFor(() => count('r-') >= KILL_AFTER && count('n-') >= KILL_AFTER, 'both streams under way', 240_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = { rabbit: count('r-'), nats: count('n-') };
    expect(atKill.rabbit + atKill.nats).toBeLessThan(2 * PER_BROKER);

    const second = await startChild();
    await waitFor(() => count('r-') === PER_BROKER && count('n-') === PER_BROKER, 'every message at the target', 300_000);
    const duplicates = (prefix: string) => [...received].filter(([id, times]) => id.startsWith(prefix) && times > 1).length;
    console.log(
      `queue crash test: RabbitMQ ${PER_BROKER} published, ${atKill.rabbit} delivered before the kill, ` +
        `${count('r-')} after the restart, ${duplicates('r-')} delivered twice; NATS ${PER_BROKER} published, ` +
        `${atKill.nats} before the kill, ${count('n-')} after, ${duplicates('n-')} delivered twice; 0 lost`,
    );
    await waitFor(() => /^crash\s+0\s+0$/m.test(rabbit.ctl('list_queues', 'name', 'messages', 'messages_unacknowledged')), 'the RabbitMQ queue acked', 60_000);
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
  }, 600_000);
});
