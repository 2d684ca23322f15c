/**
 * @module Queue sources and targets against real brokers (Debian's rabbitmq-server and nats-server, started
 * for this file): CloudEvents bindings in and out, ack after durable ingest, dedupe of redelivered ids,
 * rejects to the dead-letter path, the broker's reasons for bad configs, and a broker that goes away.
 */
import { connect as amqpConnect, type Channel, type ChannelModel } from 'amqplib';
import { AckPolicy, connect as natsConnect, headers as natsHeaders, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorSourceTypes, connectorTargetTypes } from '../../connectors/index.js';
import { messageEvent } from '../../connectors/rabbitmq/index.js';
import { startNats, type RunningBroker } from '../brokers/nats.js';
import { startRabbitMq, type RunningRabbitMq } from '../brokers/rabbitmq.js';
import { startStoryServer, waitFor, type StoryServer } from '../stories/story-server.js';

let rabbit: RunningRabbitMq;
let nats: RunningBroker;
let story: StoryServer;
let model: ChannelModel;
let channel: Channel;
let natsClient: NatsConnection;

const source = (type: string, config: Record<string, unknown>) => ({
  format: 'flowbus/source@1',
  name: `${type} source`,
  type,
  config,
});

beforeAll(async () => {
  [rabbit, nats] = await Promise.all([startRabbitMq(), startNats()]);
  model = await amqpConnect(rabbit.url);
  model.on('error', () => undefined);
  channel = await model.createChannel();
  await channel.assertQueue('out', { durable: true });
  natsClient = await natsConnect({ servers: nats.url });
  const manager = await natsClient.jetstreamManager();
  await manager.streams.add({ name: 'OUT', subjects: ['out.>'] });
  const declare = { exchange: 'erp', exchangeType: 'topic', deadLetterExchange: 'in.dlx', deadLetterQueue: 'in.dead' };
  const wrongCredentials = rabbit.url.replace('guest:guest', 'guest:wrong');
  story = await startStoryServer({
    targetTypes: connectorTargetTypes,
    sourceTypes: connectorSourceTypes,
    files: {
      'rabbit-in.source.json': source('rabbitmq', { url: rabbit.url, queue: 'in', declare, event: { source: 'test.{exchange}' } }),
      'nats-in.source.json': source('nats', { url: nats.url, stream: 'IN', subjects: ['in.>'], durable: 'flowbus' }),
      'bad-exchange.source.json': source('rabbitmq', { url: rabbit.url, queue: 'q2', declare: { exchange: 'nope' } }),
      'bad-auth.source.json': source('rabbitmq', { url: wrongCredentials, queue: 'in' }),
      'bad-url.source.json': source('rabbitmq', { url: 'amqp://bad host', queue: 'in' }),
      'to-queues.rule.json': {
        format: 'flowbus/rule@1',
        name: 'Test events to the queues',
        pattern: { source: [{ prefix: 'test.' }] },
        targets: [
          { id: 'rabbit', type: 'rabbitmq', config: { url: rabbit.url, exchange: '', routingKey: 'out' } },
          { id: 'nats', type: 'nats', config: { url: nats.url, subject: 'out.{type}' } },
        ],
      },
    },
  });
  await waitFor(async () => {
    const { body } = await story.api('GET', '/api/sources');
    const running = body.sources.filter((entry: any) => entry.state === 'running').map((entry: any) => entry.id);
    return running.includes('rabbit-in') && running.includes('nats-in');
  }, 'the sources running', 30_000);
}, 120_000);

afterAll(async () => {
  if (process.env.FLOWBUS_TEST_LOGS) console.log(story?.logs.join('\n'));
  await story?.close();
  await story?.remove();
  await model?.close().catch(() => undefined);
  await natsClient?.close();
  await Promise.all([rabbit?.stop(), nats?.stop()]);
}, 60_000);

/** The next message of the `out` queue, acked. */
async function nextOut() {
  const message = await waitFor(async () => await channel.get('out', { noAck: true }), 'a message in "out"');
  return { properties: message.properties, body: JSON.parse(message.content.toString('utf8')) };
}

async function nextNatsOut(type: string, expires = 10_000) {
  const consumer = await natsClient.jetstream().consumers.get('OUT', { filterSubjects: `out.${type}` });
  const message = await consumer.next({ expires });
  if (!message) throw new Error(`no message on out.${type}`);
  return { headers: message.headers, body: message.json<Record<string, unknown>>() };
}

async function counters(): Promise<string> {
  return (await fetch(`${story.server.url}/api/metrics`)).text();
}

describe('RabbitMQ source and target', () => {
  it('takes a binary-mode CloudEvent from the queue and publishes it, structured, to the target', async () => {
    const headers = { cloudEvents_specversion: '1.0', cloudEvents_id: 'amqp-1', cloudEvents_source: 'test.erp', cloudEvents_type: 'order.placed' };
    channel.publish('erp', 'order.placed', Buffer.from('{"amount":5}'), { contentType: 'application/json', headers });
    const out = await nextOut();
    expect(out.properties.contentType).toMatch(/^application\/cloudevents\+json/);
    expect(out.body).toMatchObject({ id: 'amqp-1', source: 'test.erp', type: 'order.placed', data: { amount: 5 } });
    expect(out.properties.messageId).toBe('amqp-1');
    await waitFor(() => /messages_unacknowledged/.test(rabbit.ctl('list_queues', 'name', 'messages', 'messages_unacknowledged')) && /^in\s+0\s+0$/m.test(rabbit.ctl('list_queues', 'name', 'messages', 'messages_unacknowledged')), 'queue "in" drained and acked');
  });

  it('wraps a plain message by the template and reads the older cloudEvents: prefix', async () => {
    channel.publish('erp', 'stock.received', Buffer.from('{"sku":"A1"}'), { messageId: 'plain-1' });
    const wrapped = await nextOut();
    expect(wrapped.body).toMatchObject({ id: 'plain-1', source: 'test.erp', type: 'connector:rabbitmq', subject: 'stock.received', data: { sku: 'A1' } });
  });

  it('ingests a redelivered message id once and counts the duplicate', async () => {
    const headers = { 'cloudEvents:specversion': '1.0', 'cloudEvents:id': 'dup-1', 'cloudEvents:source': 'test.crm', 'cloudEvents:type': 'crm.updated' };
    for (let copy = 0; copy < 2; copy += 1) channel.publish('erp', 'crm', Buffer.from('{}'), { contentType: 'application/json', headers });
    expect((await nextOut()).body.id).toBe('dup-1');
    await waitFor(async () => /flowbus_source_messages_total\{source="rabbit-in",outcome="duplicate"\} [1-9]/.test(await counters()), 'the duplicate counted');
    expect(await channel.get('out', { noAck: true })).toBe(false);
  });

  // Regression (issue 14): a message without messageId got a random event id, so a redelivery after a
  // crash (event durable, ack lost) was ingested twice.
  it('recognises a redelivered message without messageId by its derived id and ingests it once', async () => {
    await channel.assertQueue('redeliver', { durable: true });
    const body = Buffer.from('{"sku":"R9","quantity":2}');
    channel.sendToQueue('redeliver', body, { contentType: 'application/json', headers: { warehouse: 'sh-1' } });
    // The first delivery: its event made durable on the bus, then the consumer dies before it acks.
    const sideModel = await amqpConnect(rabbit.url);
    const sideChannel = await sideModel.createChannel();
    const first = await waitFor(async () => await sideChannel.get('redeliver', { noAck: false }), 'the first delivery');
    const config = { url: rabbit.url, queue: 'redeliver', event: { source: 'test.redeliver' } };
    const parsed = messageEvent(first, config, 65_536);
    if (!parsed.ok) throw new Error(parsed.reason);
    const posted = await fetch(`${story.server.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify(parsed.event),
    });
    expect(posted.status).toBe(202);
    expect((await nextOut()).body).toMatchObject({ id: parsed.event.id, data: { sku: 'R9' } });
    await sideModel.close();
    // The broker redelivers it to a source on that queue: same id, acked as a duplicate, nothing sent again.
    const saved = await story.api('PUT', '/api/sources/redeliver-in', source('rabbitmq', config));
    expect(saved.status).toBe(201);
    await waitFor(async () => /flowbus_source_messages_total\{source="redeliver-in",outcome="duplicate"\} 1/.test(await counters()), 'the redelivery counted as a duplicate');
    expect(await counters()).not.toMatch(/flowbus_source_messages_total\{source="redeliver-in",outcome="accepted"\}/);
    await waitFor(() => /^redeliver\s+0\s+0$/m.test(rabbit.ctl('list_queues', 'name', 'messages', 'messages_unacknowledged')), 'the redelivery acked');
    expect(await channel.get('out', { noAck: true })).toBe(false);
    await story.api('DELETE', '/api/sources/redeliver-in');
  });

  it.each([
    ['an event without an id', { contentType: 'application/cloudevents+json' }, '{"specversion":"1.0","source":"test.x","type":"t"}', /id\\?" is required/],
    ['an event over the size limit', { contentType: 'application/cloudevents+json' }, JSON.stringify({ specversion: '1.0', id: 'big', source: 'test.x', type: 't', data: 'x'.repeat(70_000) }), /bytes/],
  ])('rejects %s to the dead-letter exchange with the reason logged', async (_name, options, body, reason) => {
    await channel.purgeQueue('in.dead');
    channel.publish('erp', 'bad', Buffer.from(body), options);
    const dead = await waitFor(async () => await channel.get('in.dead', { noAck: true }), 'the message in "in.dead"');
    expect(dead.content.toString()).toBe(body);
    expect(story.logs.some((line) => line.includes('rejected a message to the dead-letter path') && reason.test(line))).toBe(true);
  });

  it('reports unknown exchanges, wrong credentials and bad URLs with file, pointer and the broker reason', async () => {
    const sources = await waitFor(async () => {
      const { body } = await story.api('GET', '/api/sources');
      const byId = Object.fromEntries(body.sources.map((entry: any) => [entry.id, entry]));
      return byId['bad-exchange'].issues.length > 0 && byId['bad-auth'].issues.length > 0 && byId;
    }, 'the broker problems', 20_000);
    expect(sources['bad-exchange'].issues[0]).toMatchObject({ pointer: '/config/declare/exchange', code: 'broker-refused' });
    expect(sources['bad-exchange'].issues[0].message).toMatch(/NOT_FOUND - no exchange 'nope'/);
    expect(sources['bad-exchange'].issues[0].file).toMatch(/bad-exchange\.source\.json$/);
    expect(sources['bad-auth'].issues[0]).toMatchObject({ pointer: '/config/url' });
    expect(sources['bad-auth'].issues[0].message).toMatch(/ACCESS_REFUSED/);
    expect(sources['bad-url'].state).toBe('invalid');
    expect(sources['bad-url'].issues[0]).toMatchObject({ pointer: '/config/url', code: 'invalid-url' });
    expect(sources['rabbit-in'].state).toBe('running');
  });
});

describe('NATS source and target', () => {
  it('takes structured and binary CloudEvents from JetStream and publishes them with publish acks', async () => {
    const js = natsClient.jetstream();
    const structured = { specversion: '1.0', id: 'nats-1', source: 'test.wms', type: 'stock.received', data: { sku: 'B2' } };
    await js.publish('in.stock', JSON.stringify(structured));
    const binary = natsHeaders();
    for (const [name, value] of Object.entries({ specversion: '1.0', id: 'nats-2', source: 'test.wms', type: 'stock.moved' })) binary.set(`ce-${name}`, value);
    binary.set('content-type', 'application/json');
    await js.publish('in.stock', JSON.stringify({ sku: 'C3' }), { headers: binary });
    const first = await nextNatsOut('stock.received');
    expect(first.headers?.get('content-type')).toMatch(/^application\/cloudevents\+json/);
    expect(first.body).toMatchObject({ id: 'nats-1', data: { sku: 'B2' } });
    expect((await nextNatsOut('stock.moved')).body).toMatchObject({ id: 'nats-2', data: { sku: 'C3' } });
  });

  it('terminates a message the bus refuses instead of redelivering it', async () => {
    await natsClient.jetstream().publish('in.bad', '{"specversion":"1.0","source":"test.x"}');
    await waitFor(async () => /flowbus_source_messages_total\{source="nats-in",outcome="rejected"\} 1/.test(await counters()), 'the reject counted');
    const info = await (await natsClient.jetstreamManager()).consumers.info('IN', 'flowbus');
    await waitFor(async () => (await (await natsClient.jetstreamManager()).consumers.info('IN', 'flowbus')).num_ack_pending === 0, 'nothing pending');
    expect(info.config.ack_policy).toBe(AckPolicy.Explicit);
  });

  it('reports a server that went away in /api/health and metrics, and consumes again once it is back', async () => {
    await nats.pause();
    const degraded = await waitFor(async () => {
      const { body } = await story.api('GET', '/api/health');
      return body.status === 'degraded' && body.problems.some((problem: any) => problem.component === 'source:nats-in') && body;
    }, 'a degraded health', 20_000);
    expect(degraded.problems.find((problem: any) => problem.component === 'source:nats-in').message).toMatch(/NATS/);
    expect(await counters()).toMatch(/flowbus_source_up\{source="nats-in"\} 0/);
    await nats.resume();
    await natsClient.close();
    natsClient = await waitFor(() => natsConnect({ servers: nats.url }).catch(() => undefined), 'a client connection');
    await waitFor(async () => /flowbus_source_up\{source="nats-in"\} 1/.test(await counters()), 'the source back', 30_000);
    await natsClient.jetstream().publish('in.after', JSON.stringify({ specversion: '1.0', id: 'nats-3', source: 'test.wms', type: 'after.outage' }));
    expect((await nextNatsOut('after.outage', 30_000)).body).toMatchObject({ id: 'nats-3' });
    const { body } = await story.api('GET', '/api/health');
    expect((body.problems ?? []).some((problem: any) => problem.component === 'source:nats-in')).toBe(false);
  }, 60_000);
});
