/**
 * @module Every connector, for the composition root to register beside the built-ins: one line each in
 * `connectors`; the lists of steps, connection, source and target types are derived from it.
 */
import type {
  ConnectionTypeDefinition,
  DataFolderService,
  SourceTypeDefinition,
  StepDefinition,
  TargetTypeDefinition,
} from '../engine/sdk.js';
import type { Connector, ConnectorServices } from './shared/connector.js';
import { dingtalkRobotConnector } from './dingtalk-robot/index.js';
import { emailConnector } from './email/index.js';
import { feishuRobotConnector } from './feishu-robot/index.js';
import { messagePushConnector } from '../notifications/index.js';
import { natsConnector } from './nats/index.js';
import { rabbitmqConnector } from './rabbitmq/index.js';
import { createRobotLanes } from './shared/rate-limiter.js';
import { SendLedger } from './shared/send-ledger.js';
import { slackRobotConnector } from './slack-robot/index.js';
import { wecomRobotConnector } from './wecom-robot/index.js';

export { createDingtalkRobotStep } from './dingtalk-robot/index.js';
export { createEmailStep } from './email/index.js';
export { createFeishuRobotStep } from './feishu-robot/index.js';
export { createWecomRobotStep } from './wecom-robot/index.js';
export { SendLedger, type SendLedgerOptions } from './shared/send-ledger.js';
export {
  defineConnector,
  type Connector,
  type ConnectorParts,
  type ConnectorServices,
} from './shared/connector.js';

/** Every connector, in the order the editor and the generated files list their parts. */
export const connectors: readonly Connector[] = [
  wecomRobotConnector,
  dingtalkRobotConnector,
  feishuRobotConnector,
  slackRobotConnector,
  emailConnector,
  messagePushConnector,
  rabbitmqConnector,
  natsConnector,
];

/** Options of {@link createConnectors}: what the set shares; by default a clock per execution, no ledger. */
export type ConnectorsOptions = Omit<ConnectorServices, 'lanes'>;

/** The steps and target types of one set of connectors. */
export interface ConnectorSet {
  steps: StepDefinition[];
  targetTypes: TargetTypeDefinition[];
}

/**
 * Builds the steps and target types of every connector. The robots' rate-limit queues and the brokers'
 * connections live in this call's closure: parts built by one call share them, two calls share nothing.
 *
 * @example
 * const { steps, targetTypes } = createConnectors({ sentLedger: new SendLedger() });
 */
export function createConnectors(options: ConnectorsOptions = {}): ConnectorSet {
  const services: ConnectorServices = { lanes: createRobotLanes(), ...options };
  const parts = connectors.map((connector) => connector.create(services));
  const steps = parts.flatMap((part) => part.steps ?? []);
  const targetTypes = parts.flatMap((part) => part.targetTypes?.(steps) ?? []);
  return { steps, targetTypes };
}

/**
 * Builds the connector step types of a set of their own.
 *
 * @example
 * const registry = createRegistry([...builtinSteps, ...createConnectorSteps()]);
 */
export function createConnectorSteps(options: ConnectorsOptions = {}): StepDefinition[] {
  return createConnectors(options).steps;
}

/** The connection types the connectors use, for the connection store and editor. */
export const connectorConnectionTypes: ConnectionTypeDefinition[] = connectors.flatMap(
  (connector) => connector.connectionTypes ?? [],
);

/** The connectors' event source types for `*.source.json` files. */
export const connectorSourceTypes: SourceTypeDefinition[] = connectors.flatMap(
  (connector) => connector.sourceTypes ?? [],
);

/**
 * The process's sent ledger: the robot and e-mail steps and message push record sends in it. The server
 * opens it in the data folder (`connectorDataServices`), so it survives a restart.
 */
const sentLedger = new SendLedger();

/** The connectors' state kept in the data folder, for the composition root to hand to the server. */
export const connectorDataServices: DataFolderService[] = [
  sentLedger,
  ...connectors.flatMap((connector) => connector.dataServices ?? []),
];

/** The process's set: one set of rate-limit queues, broker connections and one ledger for flows and rules. */
const processSet = createConnectors({ sentLedger });

/** The connector steps of the composition root. */
export const connectorSteps: StepDefinition[] = processSet.steps;

/** The connectors' bus target types, sending with the steps above (one set of rate limits). */
export const connectorTargetTypes: TargetTypeDefinition[] = processSet.targetTypes;
