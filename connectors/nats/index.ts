/**
 * @module NATS JetStream: the durable-consumer source, the rule target, the "Publish to NATS" step and the
 * connection type, sharing one set of connections.
 */
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
