/**
 * @module Benchmark of the queue sources: messages/s from RabbitMQ through a rule to a flow, against a bare
 * amqplib consumer that acks each message (the ceiling), and the same for NATS JetStream. Starts its own
 * brokers (Debian's packages, installed when missing). Run: `node --import tsx bench/queues.ts`
 * (BENCH_MESSAGES sets the count per case).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as amqpConnect } from 'amqplib';
import { AckPolicy, connect as natsConnect, headers as natsHeaders, type JetStreamClient } from 'nats';
import { createAppRegistry } from '../app/registry.js';
import { connectorConnectionTypes, connectorSourceTypes, connectorTargetTypes } from '../connectors/index.js';
import { startServer } from '../engine/server/index.js';
import { startNats } from '../test/brokers/nats.js';
import { startRabbitMq } from '../test/brokers/rabbitmq.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);

const ceHeaders = (id: string) => ({ specversion: '1.0', id, source: 'bench.queues', type: 'bench.event' });

async function fillRabbit(url: string, queue: string, prefix: string) {
  const model = await amqpConnect(url);
  const channel = await model.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true });
  for (let n = 0; n < MESSAGES; n += 1) {
    const headers = Object.fromEntries(Object.entries(ceHeaders(`${prefix}${n}`)).map(([k, v]) => [`cloudEvents_${k}`, v]));
    channel.sendToQueue(queue, Buffer.from(`{"n":${n}}`), { persistent: true, contentType: 'application/json', headers });
  }
  await channel.waitForConfirms();
  await model.close();
}

async function fillNats(js: JetStreamClient, subject: string, prefix: string) {
  for (let start = 0; start < MESSAGES; start += 500) {
    const batch = Math.min(500, MESSAGES - start);
    await Promise.all(Array.from({ length: batch }, (_, offset) => {
      const headers = natsHeaders();
      for (const [k, v] of Object.entries(ceHeaders(`${prefix}${start + offset}`))) headers.set(`ce-${k}`, v);
      return js.publish(subject, `{"n":${start + offset}}`, { headers });
    }));
  }
}

async function bareRabbit(url: string, queue: string): Promise<number> {
  const model = await amqpConnect(url);
  const channel = await model.createChannel();
  await channel.prefetch(64);
  const started = performance.now();
  let seen = 0;
  await new Promise<void>((resolve) => {
    void channel.consume(queue, (message) => {
      if (!message) return;
      channel.ack(message);
      if (++seen === MESSAGES) resolve();
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await model.close();
  return MESSAGES / seconds;
}

async function bareNats(url: string, stream: string): Promise<number> {
  const client = await natsConnect({ servers: url });
  await (await client.jetstreamManager()).consumers.add(stream, { durable_name: 'bare', ack_policy: AckPolicy.Explicit, max_ack_pending: 256 });
  const messages = await client.jetstream().consumers.get(stream, 'bare').then((consumer) => consumer.consume({ max_messages: 256 }));
  const started = performance.now();
  let seen = 0;
  for await (const message of messages) {
    message.ack();
    if (++seen === MESSAGES) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  return MESSAGES / seconds;
}

/** Starts flowbus with the source file, waits until the flow target delivered every message. */
async function throughFlowbus(name: string, sourceFile: object): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'flowbus-bench-queues-'));
  const flows = join(root, 'flows');
  await mkdir(flows);
  await writeFile(join(flows, 'sink.flow.json'), JSON.stringify({
    format: 'flowbus/flow@1', name: 'Sink', trigger: { id: 'in', type: 'event', config: { bus: 'default' } },
    steps: [{ id: 'keep', type: 'set-variable', config: { name: 'n', value: { $expr: 'payload.data.n' } } }],
  }));
  await writeFile(join(flows, 'to-flow.rule.json'), JSON.stringify({
    format: 'flowbus/rule@1', name: 'To the flow', pattern: { source: ['bench.queues'] },
    targets: [{ id: 'flow', type: 'flow', config: { flow: 'sink' }, concurrency: 16 }],
  }));
  const server = await startServer({
    registry: createAppRegistry(), connectionTypes: connectorConnectionTypes, targetTypes: connectorTargetTypes,
    sourceTypes: connectorSourceTypes, port: 0, flowsDir: flows, dataDir: join(root, 'data'), handleSignals: false,
    logLevel: 'error', env: { FLOWBUS_SECRET_KEY: 'd'.repeat(64) },
  });
  const started = performance.now();
  await writeFile(join(flows, `${name}.source.json`), JSON.stringify(sourceFile));
  const pattern = /flowbus_bus_deliveries_total\{rule="to-flow",target="flow",outcome="delivered"\} (\d+)/;
  for (;;) {
    const text = await (await fetch(`${server.url}/api/metrics`)).text();
    if (Number(pattern.exec(text)?.[1] ?? 0) >= MESSAGES) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  await rm(root, { recursive: true, force: true });
  return MESSAGES / seconds;
}

const [rabbit, nats] = await Promise.all([startRabbitMq(), startNats()]);
try {
  await fillRabbit(rabbit.url, 'bench.ceiling', 'c-');
  await fillRabbit(rabbit.url, 'bench.flowbus', 'f-');
  const client = await natsConnect({ servers: nats.url });
  const manager = await client.jetstreamManager();
  await manager.streams.add({ name: 'CEILING', subjects: ['ceiling.>'] });
  await manager.streams.add({ name: 'FLOWBUS', subjects: ['flowbus.>'] });
  await fillNats(client.jetstream(), 'ceiling.events', 'c-');
  await fillNats(client.jetstream(), 'flowbus.events', 'f-');
  await client.close();
  const rows = [
    ['RabbitMQ, bare amqplib consumer, ack each (ceiling)', await bareRabbit(rabbit.url, 'bench.ceiling')],
    ['RabbitMQ -> rule -> flow (flowbus)', await throughFlowbus('rabbit', { format: 'flowbus/source@1', name: 'q', type: 'rabbitmq', config: { url: rabbit.url, queue: 'bench.flowbus', prefetch: 256 } })],
    ['NATS JetStream, bare consumer, ack each (ceiling)', await bareNats(nats.url, 'CEILING')],
    ['NATS -> rule -> flow (flowbus)', await throughFlowbus('nats', { format: 'flowbus/source@1', name: 'n', type: 'nats', config: { url: nats.url, stream: 'FLOWBUS', durable: 'flowbus', maxAckPending: 512 } })],
  ] as const;
  console.log(`${MESSAGES} messages per case`);
  for (const [label, rate] of rows) console.log(`${label.padEnd(56)} ${Math.round(rate).toString().padStart(8)} msg/s`);
} finally {
  await Promise.all([rabbit.stop(), nats.stop()]);
}
