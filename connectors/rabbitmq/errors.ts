/**
 * @module RabbitMQ failures as typed errors: the broker's reply code and text (`404 NOT_FOUND - no
 * exchange 'x' in vhost '/'`), refused credentials, an unreachable broker, a nacked publish.
 */
import { FlowbusError } from '../../engine/sdk.js';

/** The error types of the RabbitMQ connector. */
export const RABBITMQ_ERRORS = [
  { type: 'RABBITMQ:CONNECTIVITY', description: 'The broker could not be reached, or the connection was lost.' },
  { type: 'RABBITMQ:AUTH', description: 'The broker refused the credentials (ACCESS_REFUSED) or the vhost.' },
  { type: 'RABBITMQ:NOT_FOUND', description: 'The exchange or queue does not exist (404 NOT_FOUND).' },
  { type: 'RABBITMQ:NACKED', description: 'The broker did not confirm the publish (nack or no confirm in time).' },
  { type: 'RABBITMQ:REFUSED', description: 'The broker closed the channel for another reason (its reply text).' },
  { type: 'RABBITMQ:CONFIG', description: 'No broker URL: neither connection nor url.' },
];

/** Turns an amqplib or socket error into a typed error; what the broker said is kept in the message. */
export function rabbitError(error: unknown, doing: string): FlowbusError {
  if (error instanceof FlowbusError) return error;
  const { code, message } = error as { code?: string | number; message?: string };
  const text = message ?? String(error);
  if (code === 404 || /NOT_FOUND/.test(text)) {
    return new FlowbusError('RABBITMQ:NOT_FOUND', `${doing}: ${text}`, { retryable: false });
  }
  if (code === 403 || /ACCESS_REFUSED|access to vhost|Handshake terminated|PLAIN login refused/i.test(text)) {
    return new FlowbusError('RABBITMQ:AUTH', `${doing}: ${text}`, { retryable: false });
  }
  if (typeof code === 'number' && code >= 400 && code < 600 && code !== 320) {
    return new FlowbusError('RABBITMQ:REFUSED', `${doing}: ${text}`, { retryable: code >= 500 });
  }
  const network = typeof code === 'string' ? code : text;
  return new FlowbusError('RABBITMQ:CONNECTIVITY', `${doing}: ${network}`);
}
