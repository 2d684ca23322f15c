/**
 * @module NATS JetStream: the durable-consumer source, the rule target, the "Publish to NATS" step and the
 * connection type, sharing one set of connections.
 */
import { defineConnector } from '../shared/connector.js';
import { natsConnection, NATS_TYPE } from './connection.js';
import { natsSource } from './source.js';
import { NatsPublishers } from './publisher.js';
import { createNatsPublishStep } from './step.js';
import { createNatsTarget } from './target.js';

export { natsConnection, NATS_TYPE } from './connection.js';
export { natsSource, natsMessageEvent, type NatsSourceConfig } from './source.js';
export { natsAttributes, natsMessage } from './nats-binding.js';
export { NATS_ERRORS, natsError } from './errors.js';
export { NATS_PUBLISH_TYPE, type NatsPublishConfig } from './step.js';
export { NatsPublishers, createNatsTarget, createNatsPublishStep };

/**
 * The target type and step of one process, on shared connections.
 *
 * @example
 * const nats = createNatsConnector();
 */
export function createNatsConnector() {
  const publishers = new NatsPublishers();
  return { publishers, target: createNatsTarget(publishers), step: createNatsPublishStep(publishers) };
}

/** The NATS connector: connection type, source, target and step, each set on its own connections. */
export const natsConnector = defineConnector({
  id: NATS_TYPE,
  title: 'NATS',
  docs: 'NATS JetStream: a durable consumer as an event source; publishing as a rule target and a step.',
  connectionTypes: [natsConnection],
  sourceTypes: [natsSource],
  create: () => {
    const { step, target } = createNatsConnector();
    return { steps: [step], targetTypes: () => [target] };
  },
});
