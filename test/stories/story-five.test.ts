/**
 * @module Story 5, the retail hub example of flows/ end to end with real RabbitMQ and NATS brokers: order,
 * stock and CRM events arrive by API, from RabbitMQ and by URL callback, and each kind lands where its rule
 * sends it and nowhere else: big orders at the sales robot, stock and CRM in the log store, order updates
 * on the warehouse's NATS subject, an undeliverable update in the retail.failed queue.
 */
import { connect as amqpConnect, type Channel, type ChannelModel } from 'amqplib';
import { connect as natsConnect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorSourceTypes, connectorTargetTypes } from '../../connectors/index.js';
import { startNats, type RunningBroker } from '../brokers/nats.js';
import { startRabbitMq, type RunningRabbitMq } from '../brokers/rabbitmq.js';
import { startFakeWecom, type FakeWecom } from '../fakes/index.js';
import { readExample, startStoryServer, waitFor, type StoryServer } from './story-server.js';

const FILES = [
  'retail.bus.json',
  'retail-erp.source.json',
  'retail-crm.source.json',
  'retail-big-orders.rule.json',
  'retail-stock-received.rule.json',
  'retail-crm-updates.rule.json',
  'retail-order-updates.rule.json',
  'retail-big-order.flow.json',
];

let rabbit: RunningRabbitMq;
let nats: RunningBroker;
let wecom: FakeWecom;
let story: StoryServer;
let model: ChannelModel;
let channel: Channel;
let natsClient: NatsConnection;

beforeAll(async () => {
  [rabbit, nats, wecom] = await Promise.all([startRabbitMq(), startNats(), startFakeWecom()]);
  model = await amqpConnect(rabbit.url);
  model.on('error', () => undefined);
  channel = await model.createChannel();
  await channel.assertQueue('retail.failed', { durable: true });
  natsClient = await natsConnect({ servers: nats.url });
  await (await natsClient.jetstreamManager()).streams.add({ name: 'WAREHOUSE', subjects: ['warehouse.orders.*'] });
  const files = Object.fromEntries(await Promise.all(FILES.map(async (name) => [name, await readExample(name)])));
  story = await startStoryServer({
    files,
    targetTypes: connectorTargetTypes,
    sourceTypes: connectorSourceTypes,
    connections: [
      { name: 'retail-rabbit', type: 'rabbitmq', values: { url: rabbit.url } },
      { name: 'retail-nats', type: 'nats', values: { url: nats.url } },
      { name: 'retail-crm-auth', type: 'http-auth', values: { token: 'crm-secret-token' } },
      { name: 'sales-wecom', type: 'wecom-robot', values: { webhook: wecom.url } },
    ],
  });
  await waitFor(async () => {
    const { body } = await story.api('GET', '/api/sources');
    return body.sources.every((entry: any) => entry.state === 'running');
  }, 'the retail sources running', 30_000);
}, 120_000);

afterAll(async () => {
  await story?.close();
  await story?.remove();
  await model?.close().catch(() => undefined);
  await natsClient?.close();
  await Promise.all([rabbit?.stop(), nats?.stop(), wecom?.close()]);
}, 60_000);

const event = (id: string, type: string, data: unknown, subject?: string) => ({
  specversion: '1.0', id, source: 'shop.retail', type, ...(subject ? { subject } : {}), data,
});

function publishErp(routingKey: string, attributes: Record<string, string>, data: unknown) {
  const headers = Object.fromEntries(Object.entries({ specversion: '1.0', source: 'erp.retail', ...attributes }).map(([name, value]) => [`cloudEvents_${name}`, value]));
  channel.publish('erp', routingKey, Buffer.from(JSON.stringify(data)), { contentType: 'application/json', headers });
}

async function logStoreIds(): Promise<string[]> {
  const { body } = await story.api('GET', '/api/log-store/search?bus=retail&limit=100');
  return body.items.map((entry: any) => entry.event.id).sort();
}

/** Whether the bus is done with every event of `ids`: each has a trace, and no target is pending or retrying. */
async function deliveriesSettled(ids: string[]): Promise<boolean> {
  for (const id of ids) {
    const { status, body } = await story.api('GET', `/api/events/${id}?bus=retail`);
    if (status !== 200) return false;
    if (body.targets.some((target: any) => target.status === 'pending' || target.status === 'retrying')) return false;
  }
  return true;
}

describe('story 5: the retail hub', () => {
  it('routes each kind of event to its consumer and nowhere else', async () => {
    const post = (body: unknown) => fetch(`${story.server.url}/events/retail`, {
      method: 'POST', headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(body),
    });
    expect((await post(event('o-big', 'order.placed', { orderId: 'o-big', amount: 25000, customer: 'Acme' }))).status).toBe(202);
    expect((await post(event('o-small', 'order.placed', { orderId: 'o-small', amount: 50, customer: 'Bo' }))).status).toBe(202);
    publishErp('stock.received', { id: 'stock-1', type: 'stock.received' }, { sku: 'A1', quantity: 40 });
    publishErp('order.updated', { id: 'upd-1', type: 'order.updated', subject: 'sh' }, { orderId: 'o-big', status: 'packed' });
    publishErp('order.updated', { id: 'upd-2', type: 'order.updated', subject: 'sh.pudong' }, { orderId: 'o-7', status: 'packed' });
    const crm = await fetch(`${story.server.url}/callbacks/retail-crm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer crm-secret-token', 'idempotency-key': 'crm-1' },
      body: JSON.stringify({ customer: 'Acme', tier: 'gold' }),
    });
    expect(crm.status).toBe(202);

    await waitFor(() => wecom.received.length >= 1, 'the sales robot message');
    const warehouse = await natsClient.jetstream().consumers.get('WAREHOUSE');
    const update = await warehouse.next({ expires: 10_000 });
    expect(update?.subject).toBe('warehouse.orders.sh');
    expect(update?.json()).toEqual({ orderId: 'o-big', status: 'packed', warehouse: 'sh' });
    expect(update?.headers?.get('ce-id')).toBe('upd-1');
    const failed = await waitFor(async () => await channel.get('retail.failed', { noAck: true }), 'the failed update', 20_000);
    expect(failed.properties.messageId).toBe('upd-2');
    expect(failed.properties.headers?.cloudEvents_type).toBe('order.updated');
    await waitFor(async () => (await logStoreIds()).length >= 2, 'the log store entries');

    // Nowhere else: one robot message (the big order), two stored events, one warehouse message, one failure.
    await waitFor(() => deliveriesSettled(['o-big', 'o-small', 'stock-1', 'upd-1', 'upd-2', 'crm-1']), 'every delivery to settle');
    expect(wecom.received).toHaveLength(1);
    expect(JSON.stringify(wecom.received[0]!.body)).toContain('o-big');
    expect(await logStoreIds()).toEqual(['crm-1', 'stock-1']);
    const stream = await (await natsClient.jetstreamManager()).streams.info('WAREHOUSE');
    expect(stream.state.messages).toBe(1);
    expect(await channel.get('retail.failed', { noAck: true })).toBe(false);
    const { body: letters } = await story.api('GET', '/api/dead-letters?bus=retail');
    expect(letters.items.map((letter: any) => letter.event.id)).toEqual(['upd-2']);
  }, 60_000);

  it('rejects an ERP message that is not a valid event to retail.erp.dead', async () => {
    channel.publish('erp', 'order.placed', Buffer.from('{"specversion":"1.0","type":"order.placed"}'), { contentType: 'application/cloudevents+json' });
    const dead = await waitFor(async () => await channel.get('retail.erp.dead', { noAck: true }), 'the rejected message');
    expect(dead.properties.headers?.['x-first-death-reason']).toBe('rejected');
  });
});
