/**
 * @module Queue targets asked about at rule load, against real brokers: an exchange RabbitMQ does not have,
 * refused credentials and a subject no JetStream stream takes are reported against the rule file at the
 * field, with the broker's reason; a server that is away does not hold up start-up, is reported in
 * /api/health, and is asked again until it answers.
 */
import { connect as amqpConnect } from 'amqplib';
import { connect as natsConnect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorSourceTypes, connectorTargetTypes } from '../../connectors/index.js';
import { startNats, type RunningBroker } from '../brokers/nats.js';
import { startRabbitMq, type RunningRabbitMq } from '../brokers/rabbitmq.js';
import { startStoryServer, waitFor, type StoryServer } from '../stories/story-server.js';

let rabbit: RunningRabbitMq;
let nats: RunningBroker;
let story: StoryServer;

const rule = (target: Record<string, unknown>) => ({
  format: 'flowbus/rule@1',
  name: 'To a queue',
  pattern: { source: ['shop'] },
  targets: [{ id: 'out', ...target }],
});

beforeAll(async () => {
  [rabbit, nats] = await Promise.all([startRabbitMq(), startNats()]);
  const model = await amqpConnect(rabbit.url);
  await (await model.createChannel()).assertExchange('orders', 'topic', { durable: true });
  await model.close();
  const client = await natsConnect({ servers: nats.url });
  await (await client.jetstreamManager()).streams.add({ name: 'WAREHOUSE', subjects: ['warehouse.>'] });
  await client.close();
  // The NATS server is away while flowbus starts: start-up goes on, the probe reports it and asks again.
  await nats.pause();
  const wrongCredentials = rabbit.url.replace('guest:guest', 'guest:wrong');
  story = await startStoryServer({
    targetTypes: connectorTargetTypes,
    sourceTypes: connectorSourceTypes,
    files: {
      'rabbit-good.rule.json': rule({ type: 'rabbitmq', config: { url: rabbit.url, exchange: 'orders' } }),
      'rabbit-no-exchange.rule.json': rule({ type: 'rabbitmq', config: { url: rabbit.url, exchange: 'nope' } }),
      'rabbit-bad-auth.rule.json': rule({ type: 'rabbitmq', config: { url: wrongCredentials, exchange: 'orders' } }),
      'nats-subjects.rule.json': {
        ...rule({ type: 'nats', config: { url: nats.url, subject: 'warehouse.orders.{subject}' } }),
        targets: [
          { id: 'warehouse', type: 'nats', config: { url: nats.url, subject: 'warehouse.orders.{subject}' } },
          { id: 'nowhere', type: 'nats', config: { url: nats.url, subject: 'billing.{type}' } },
        ],
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await story?.close();
  await story?.remove();
  await Promise.all([rabbit?.stop(), nats?.stop()]);
}, 60_000);

async function ruleIssues(id: string) {
  return (await story.api('GET', `/api/rules/${id}`)).body.issues as Array<Record<string, string>>;
}

describe('queue targets probed at rule load', () => {
  it('reports an exchange RabbitMQ does not have at /targets/0/config/exchange, with the broker reason', async () => {
    const issues = await waitFor(async () => {
      const found = await ruleIssues('rabbit-no-exchange');
      return found.length > 0 && found;
    }, 'the probe of rabbit-no-exchange', 20_000);
    expect(issues).toEqual([
      {
        file: 'rabbit-no-exchange.rule.json',
        pointer: '/targets/0/config/exchange',
        code: 'broker-refused',
        message: expect.stringMatching(/NOT_FOUND - no exchange 'nope'/),
      },
    ]);
    const { body } = await story.api('GET', '/api/rules/rabbit-no-exchange');
    expect(body.valid).toBe(true);
  });

  it('reports refused credentials at the url field', async () => {
    const issues = await waitFor(async () => {
      const found = await ruleIssues('rabbit-bad-auth');
      return found.length > 0 && found;
    }, 'the probe of rabbit-bad-auth', 20_000);
    expect(issues).toEqual([expect.objectContaining({ pointer: '/targets/0/config/url', code: 'broker-refused', message: expect.stringMatching(/ACCESS_REFUSED/) })]);
  });

  it('finds nothing wrong with an exchange that exists', async () => {
    await waitFor(async () => (await ruleIssues('rabbit-no-exchange')).length > 0, 'the probes to have run', 20_000);
    expect(await ruleIssues('rabbit-good')).toEqual([]);
  });

  it('reports a NATS server away in /api/health without holding up start-up, then the subject no stream takes once it is back', async () => {
    const health = await waitFor(async () => {
      const { body } = await story.api('GET', '/api/health');
      const problem = body.problems?.find((entry: any) => entry.component === 'rule:nats-subjects/targets/0/config');
      return problem && body.status === 'degraded' && problem;
    }, 'the NATS probe in health', 20_000);
    expect(health.message).toMatch(/rule "nats-subjects" target "warehouse": connecting to nats:\/\/127.0.0.1:\d+: CONNECTION_REFUSED/);
    expect(health.details).toMatchObject({ pointer: '/targets/0/config' });
    expect(await ruleIssues('nats-subjects')).toContainEqual(expect.objectContaining({ code: 'broker-unavailable', pointer: '/targets/0/config' }));
    await nats.resume();
    const issues = await waitFor(async () => {
      const found = await ruleIssues('nats-subjects');
      return found.length === 1 && found[0]!.code === 'broker-refused' && found;
    }, 'the NATS probes answered', 40_000);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'nats-subjects.rule.json',
        pointer: '/targets/1/config/subject',
        message: 'no JetStream stream takes subject "billing.*": add one whose subjects cover it',
      }),
    ]);
    const { body } = await story.api('GET', '/api/health');
    expect((body.problems ?? []).map((problem: any) => problem.component)).not.toContain('rule:nats-subjects/targets/0/config');
    const metrics = await (await fetch(`${story.server.url}/api/metrics`)).text();
    expect(metrics).toContain('flowbus_target_probe_ok{rule="nats-subjects",config="/targets/0/config"} 1');
    expect(metrics).toContain('flowbus_target_probe_ok{rule="nats-subjects",config="/targets/1/config"} 0');
  }, 60_000);

  it('probes a rule again when it is saved, and stops reporting what was fixed', async () => {
    const fixed = rule({ type: 'rabbitmq', config: { url: rabbit.url, exchange: 'orders' } });
    expect((await story.api('PUT', '/api/rules/rabbit-no-exchange', fixed)).status).toBe(200);
    await waitFor(async () => (await ruleIssues('rabbit-no-exchange')).length === 0, 'the fixed rule clean', 20_000);
    const { body } = await story.api('GET', '/api/health');
    expect((body.problems ?? []).map((problem: any) => problem.component)).not.toContain('rule:rabbit-no-exchange/targets/0/config');
  });
});
