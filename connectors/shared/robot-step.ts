/**
 * @module One factory for webhook robot steps: a robot step is its definition (schema, docs, errors), its
 * vendor, and how it turns config and connection into a request; reading the connection, sending once,
 * pacing and logging are the same for every robot.
 */
import {
  defineStep,
  webhookSecrets,
  type ConnectionTypeDefinition,
  type StepContext,
  type StepDefinition,
} from '../../engine/sdk.js';
import { readConnection, readWebhook, VALIDATION_ERROR } from './config.js';
import { defineConnector, type Connector } from './connector.js';
import type { RobotLanes } from './rate-limiter.js';
import { sendLabel, sendToRobot } from './robot-send.js';
import type { RobotVendor } from './robot-vendor.js';
import type { SendLedger } from './send-ledger.js';
import { sendOnce } from './send-once.js';

/** The lane registry of the factory's closure, and the clock to pace sends (the step context's if absent). */
export interface RobotStepDependencies {
  lanes: RobotLanes;
  clock?: StepContext['clock'];
  /** Where sends are recorded by idempotency key, so a step run again does not send twice. */
  sentLedger?: SendLedger;
}

/** What a robot step sends, built from its config and connection before the first attempt. */
export interface RobotRequest {
  /** Values to mask besides the webhook's own (a signing secret). */
  secrets?: readonly string[];
  /** Logged as a warning before sending: `content cut from 5000 bytes`. */
  warning?: string;
  /** Runs before each attempt, so signatures carry a fresh timestamp. */
  prepare(now: number): { url: URL; body: string };
}

/** What the factory reads for {@link RobotStepSpec.request}. */
export interface RobotRequestInput<Config> {
  config: Config;
  /** The connection's name, for messages. */
  connection: string;
  webhook: URL;
  /** The connection's values, for fields beside the webhook (a secret). */
  values: Record<string, unknown>;
}

/** A robot step: its definition less what every robot step has, its vendor, and its request. */
export interface RobotStepSpec<Config>
  extends Omit<StepDefinition<Config>, 'category' | 'kind' | 'sideEffects' | 'execute'> {
  vendor: RobotVendor;
  /** Reads config and connection (throwing VALIDATION) into the request. */
  request(input: RobotRequestInput<Config>): RobotRequest;
}

/** The error types every robot step can raise besides its vendor's own; listed last in a step's `errors`. */
export function commonRobotErrors(vendor: Pick<RobotVendor, 'namespace' | 'title' | 'codeName'>) {
  const name = vendor.title.replace(/ robot$/, '');
  const type = (error: string) => `${vendor.namespace}:${error}`;
  const other = vendor.codeName ? `another non-zero ${vendor.codeName}` : 'another error';
  return [
    { type: type('ERROR'), description: `${name} answered ${other}.` },
    { type: type('CONNECTIVITY'), description: `${name} could not be reached or did not answer in time.` },
    { type: type('HTTP_STATUS'), description: `${name} answered an HTTP status other than 200.` },
    VALIDATION_ERROR,
  ];
}

/**
 * Builds a robot step; sends are paced by the lanes of `dependencies` and recorded in its ledger.
 *
 * @example
 * export const createWecomRobotStep = (dependencies) => createRobotStep(wecomRobotSpec, dependencies);
 */
export function createRobotStep<Config extends { connection?: unknown }>(
  spec: RobotStepSpec<Config>,
  dependencies: RobotStepDependencies,
): StepDefinition<Config> {
  const { vendor, request: buildRequest, ...definition } = spec;
  const { type } = definition;
  return defineStep<Config>({
    ...definition,
    category: 'connector',
    kind: 'action',
    sideEffects: true,
    async execute(context) {
      const { name, values } = await readConnection(context, type);
      const webhook = readWebhook(values, name);
      const request = buildRequest({ config: context.config, connection: name, webhook, values });
      const label = sendLabel(vendor, name);
      if (request.warning) context.logger.log('WARN', type, `${label}: ${request.warning}`);
      const send = {
        vendor,
        connection: name,
        webhook: webhook.href,
        secrets: [...webhookSecrets(webhook), ...(request.secrets ?? [])],
        prepare: request.prepare,
      };
      const services = {
        lanes: dependencies.lanes,
        clock: dependencies.clock ?? context.clock,
        signal: context.signal,
        logger: context.logger,
        category: type,
      };
      const delivery = await sendOnce(context, dependencies.sentLedger, type, label, () =>
        sendToRobot(send, services),
      );
      if (!delivery) return;
      context.logger.log('DEBUG', type, `${label}: delivered after ${delivery.attempts} attempt(s)`);
    },
  });
}

/** What a robot connector says about itself besides its step: its title, docs and connection type. */
export interface RobotConnectorAbout {
  title: string;
  docs: string;
  connection: ConnectionTypeDefinition;
}

/**
 * A webhook robot connector: its connection type and its one step, built by {@link createRobotStep} on the
 * services of each connector set; its id is the step type.
 *
 * @example
 * export const wecomRobotConnector = defineRobotConnector(wecomRobotSpec, { title, docs, connection });
 */
export function defineRobotConnector<Config extends { connection?: unknown }>(
  spec: RobotStepSpec<Config>,
  about: RobotConnectorAbout,
): Connector {
  return defineConnector({
    id: spec.type,
    title: about.title,
    docs: about.docs,
    connectionTypes: [about.connection],
    create: (services) => ({ steps: [createRobotStep(spec, services)] }),
  });
}
