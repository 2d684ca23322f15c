/**
 * @module RabbitMQ (AMQP 0-9-1): the queue source, the rule target, the "Publish to RabbitMQ" step and the
 * connection type, sharing one set of confirm channels.
 */
import { defineConnector } from '../shared/connector.js';
import { rabbitmqConnection, RABBITMQ_TYPE } from './connection.js';
import { rabbitmqSource } from './source.js';
import { createRabbitPublishStep } from './step.js';
import { createRabbitTarget } from './target.js';
import { RabbitPublishers } from './publisher.js';

export { rabbitmqConnection, RABBITMQ_TYPE } from './connection.js';
export { rabbitmqSource, messageEvent, type RabbitSourceConfig } from './source.js';
export { amqpAttributes, amqpMessage } from './amqp-binding.js';
export { RABBITMQ_ERRORS, rabbitError } from './errors.js';
export { RABBITMQ_PUBLISH_TYPE, type RabbitPublishConfig } from './step.js';
export { RabbitPublishers, createRabbitTarget, createRabbitPublishStep };

/**
 * The target type and step of one process, on shared publishers.
 *
 * @example
 * const rabbit = createRabbitConnector();
 * createEventBus({ targetTypes: [rabbit.target] });
 */
export function createRabbitConnector() {
  const publishers = new RabbitPublishers();
  return {
    publishers,
    target: createRabbitTarget(publishers),
    step: createRabbitPublishStep(publishers),
  };
}

/** The RabbitMQ connector: connection type, source, target and step, each set on its own connections. */
export const rabbitmqConnector = defineConnector({
  id: RABBITMQ_TYPE,
  title: 'RabbitMQ',
  docs: 'RabbitMQ (AMQP 0-9-1): queues as an event source; publishing as a rule target and a step.',
  connectionTypes: [rabbitmqConnection],
  sourceTypes: [rabbitmqSource],
  create: () => {
    const { step, target } = createRabbitConnector();
    return { steps: [step], targetTypes: () => [target] };
  },
});
