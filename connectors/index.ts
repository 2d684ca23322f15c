/**
 * @module Every connector step type and connection type, for the composition root to register beside the
 * built-ins.
 */
import type { SourceTypeDefinition } from '../engine/bus/sources/index.js';
import type { TargetTypeDefinition } from '../engine/bus/types.js';
import type { ConnectionTypeDefinition } from '../engine/core/connection-type.js';
import type { Clock, StepDefinition } from '../engine/core/step-definition.js';
import { createDingtalkRobotStep, dingtalkRobotConnection } from './dingtalk-robot/index.js';
import { createEmailStep, emailConnection } from './email/index.js';
import { createFeishuRobotStep, feishuRobotConnection } from './feishu-robot/index.js';
import { createMessagePushTarget } from './message-push/index.js';
import { createNatsConnector, natsConnection, natsSource } from './nats/index.js';
import { createRabbitConnector, rabbitmqConnection, rabbitmqSource } from './rabbitmq/index.js';
import { createRobotLanes } from './shared/rate-limiter.js';
import { createWecomRobotStep, wecomRobotConnection } from './wecom-robot/index.js';

export { createDingtalkRobotStep, createEmailStep, createFeishuRobotStep, createWecomRobotStep };

/** Options of {@link createConnectorSteps}. */
export interface ConnectorStepsOptions {
  /** Paces robot sends and their backoff; by default each execution's own clock. */
  clock?: Clock;
  /** The broker connections of the publish steps; by default this call's own. */
  queues?: { rabbit: ReturnType<typeof createRabbitConnector>; nats: ReturnType<typeof createNatsConnector> };
}

/**
 * Builds the connector step types. The robots' rate-limit queues live in this call's closure: steps built
 * by one call share them, two calls share nothing.
 *
 * @example
 * const registry = createRegistry([...builtinSteps, ...createConnectorSteps()]);
 */
export function createConnectorSteps(options: ConnectorStepsOptions = {}): StepDefinition[] {
  const dependencies = { lanes: createRobotLanes(), ...(options.clock ? { clock: options.clock } : {}) };
  const { rabbit, nats } = options.queues ?? { rabbit: createRabbitConnector(), nats: createNatsConnector() };
  return [
    createWecomRobotStep(dependencies),
    createDingtalkRobotStep(dependencies),
    createFeishuRobotStep(dependencies),
    createEmailStep(),
    rabbit.step,
    nats.step,
  ];
}



/** The connection types the connectors use, for the connection store and editor. */
export const connectorConnectionTypes: ConnectionTypeDefinition[] = [
  wecomRobotConnection,
  dingtalkRobotConnection,
  feishuRobotConnection,
  emailConnection,
  rabbitmqConnection,
  natsConnection,
];

/** The process's broker connections: the queue targets and the publish steps share them. */
const rabbit = createRabbitConnector();
const nats = createNatsConnector();

/** The connector steps of the composition root (one process, one set of rate-limit queues). */
export const connectorSteps: StepDefinition[] = createConnectorSteps({ queues: { rabbit, nats } });

/** The connectors' bus target types: message push, sending with the steps above (one set of rate limits). */
export const connectorTargetTypes: TargetTypeDefinition[] = [
  createMessagePushTarget({ steps: connectorSteps }),
  rabbit.target,
  nats.target,
];

/** The connectors' event source types for `*.source.json` files. */
export const connectorSourceTypes: SourceTypeDefinition[] = [rabbitmqSource, natsSource];
