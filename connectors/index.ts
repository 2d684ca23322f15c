/**
 * @module Every connector step type and connection type, for the composition root to register beside the
 * built-ins.
 */
import type { Clock, ConnectionTypeDefinition, DataFolderService, SourceTypeDefinition, StepDefinition, TargetTypeDefinition } from '../engine/sdk.js';
import { createDingtalkRobotStep, dingtalkRobotConnection } from './dingtalk-robot/index.js';
import { createEmailStep, emailConnection } from './email/index.js';
import { createFeishuRobotStep, feishuRobotConnection } from './feishu-robot/index.js';
import { createMessagePushTarget } from './message-push/index.js';
import { createNatsConnector, natsConnection, natsSource } from './nats/index.js';
import { createRabbitConnector, rabbitmqConnection, rabbitmqSource } from './rabbitmq/index.js';
import { createRobotLanes } from './shared/rate-limiter.js';
import { SendLedger } from './shared/send-ledger.js';
import { createWecomRobotStep, wecomRobotConnection } from './wecom-robot/index.js';

export { createDingtalkRobotStep, createEmailStep, createFeishuRobotStep, createWecomRobotStep };
export { SendLedger, type SendLedgerOptions } from './shared/send-ledger.js';

/** Options of {@link createConnectorSteps}. */
export interface ConnectorStepsOptions {
  /** Paces robot sends and their backoff; by default each execution's own clock. */
  clock?: Clock;
  /** The broker connections of the publish steps; by default this call's own. */
  queues?: { rabbit: ReturnType<typeof createRabbitConnector>; nats: ReturnType<typeof createNatsConnector> };
  /** Where robot and e-mail sends are recorded by idempotency key; by default none (nothing deduplicated). */
  sentLedger?: SendLedger;
}

/**
 * Builds the connector step types. The robots' rate-limit queues live in this call's closure: steps built
 * by one call share them, two calls share nothing.
 *
 * @example
 * const registry = createRegistry([...builtinSteps, ...createConnectorSteps()]);
 */
export function createConnectorSteps(options: ConnectorStepsOptions = {}): StepDefinition[] {
  const { sentLedger } = options;
  const dependencies = {
    lanes: createRobotLanes(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(sentLedger ? { sentLedger } : {}),
  };
  const { rabbit, nats } = options.queues ?? { rabbit: createRabbitConnector(), nats: createNatsConnector() };
  return [
    createWecomRobotStep(dependencies),
    createDingtalkRobotStep(dependencies),
    createFeishuRobotStep(dependencies),
    createEmailStep(sentLedger ? { sentLedger } : {}),
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

/**
 * The process's sent ledger: the robot and e-mail steps and message push record sends in it. The server
 * opens it in the data folder (`connectorDataServices`), so it survives a restart.
 */
const sentLedger = new SendLedger();

/** The connectors' state kept in the data folder, for the composition root to hand to the server. */
export const connectorDataServices: DataFolderService[] = [sentLedger];

/** The connector steps of the composition root (one process, one set of rate-limit queues, one ledger). */
export const connectorSteps: StepDefinition[] = createConnectorSteps({ queues: { rabbit, nats }, sentLedger });

/** The connectors' bus target types: message push, sending with the steps above (one set of rate limits). */
export const connectorTargetTypes: TargetTypeDefinition[] = [
  createMessagePushTarget({ steps: connectorSteps, sentLedger }),
  rabbit.target,
  nats.target,
];

/** The connectors' event source types for `*.source.json` files. */
export const connectorSourceTypes: SourceTypeDefinition[] = [rabbitmqSource, natsSource];
