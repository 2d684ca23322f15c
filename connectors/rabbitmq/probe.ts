/**
 * @module The `rabbitmq` target's probe at rule load: the exchange exists (a passive declare on a
 * throwaway connection and channel, so a refusal closes nothing the publishers use), the credentials are
 * taken. A broker that cannot be reached, or a connection not created yet, throws, to be asked again later.
 */
import { connect } from 'amqplib';
import type { TargetProbeProblem, TargetProbeServices } from '../../engine/sdk.js';
import { brokerUrl, shownUrl } from './connection.js';
import { rabbitError } from './errors.js';
import type { RabbitTargetConfig } from './target.js';

/**
 * Resolves with what the broker refused (`[]` when the exchange is there); throws when it is away.
 *
 * @example
 * await probeRabbitTarget({ url, exchange: 'erp' }, { signal });
 * // [{ pointer: '/exchange', message: "exchange \"erp\": ... NOT_FOUND - no exchange 'erp' in vhost '/'" }]
 */
export async function probeRabbitTarget(
  config: RabbitTargetConfig,
  services: TargetProbeServices,
): Promise<TargetProbeProblem[]> {
  const where = config.connection ? '/connection' : '/url';
  // A connection not created yet (or its store away) is asked about again with backoff, like a broker away.
  const url = await brokerUrl(config, services.connections);
  const model = await connect(url, { timeout: 10_000 }).catch((error: unknown) => {
    const typed = rabbitError(error, `connecting to ${shownUrl(url)}`);
    if (typed.type === 'RABBITMQ:CONNECTIVITY') throw typed;
    return typed;
  });
  if (model instanceof Error) return [{ pointer: where, message: model.message }];
  model.on('error', () => undefined);
  try {
    const exchange = config.exchange ?? '';
    // The default exchange ("") always exists and cannot be declared, not even passively.
    if (exchange === '') return [];
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.checkExchange(exchange);
      return [];
    } catch (error) {
      return [{ pointer: '/exchange', message: rabbitError(error, `exchange "${exchange}"`).message }];
    }
  } finally {
    await model.close().catch(() => undefined);
  }
}
