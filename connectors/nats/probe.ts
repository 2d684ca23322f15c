/**
 * @module The `nats` target's probe at rule load: a JetStream stream takes the target's subject (its
 * `{attribute}` holes stand for any token). A server that cannot be reached, or a connection not created yet,
 * throws, to be asked again later.
 */
import { connect } from 'nats';
import type { TargetProbeProblem, TargetProbeServices } from '../../engine/sdk.js';
import { serverOptions } from './connection.js';
import { natsError } from './errors.js';
import type { NatsTargetConfig } from './target.js';

/** The subject with each `{hole}` as a `*` wildcard, for the stream lookup. */
export function probedSubject(subject: string): string {
  return subject.replace(/\{[A-Za-z0-9_.-]+\}/g, '*');
}

/**
 * Resolves with what the server refused (`[]` when a stream takes the subject); throws when it is away.
 *
 * @example
 * await probeNatsTarget({ url, subject: 'warehouse.orders.{subject}' }, { signal });
 */
export async function probeNatsTarget(
  config: NatsTargetConfig,
  services: TargetProbeServices,
): Promise<TargetProbeProblem[]> {
  const where = config.connection ? '/connection' : '/url';
  // A connection not created yet (or its store away) is asked about again with backoff, like a broker away.
  const options = await serverOptions(config, services.connections);
  const connection = await connect({ ...options, reconnect: false, timeout: 10_000 }).catch((error: unknown) => {
    const typed = natsError(error, `connecting to ${options.servers}`);
    if (typed.type === 'NATS:CONNECTIVITY' || typed.type === 'NATS:TIMEOUT') throw typed;
    return typed;
  });
  if (connection instanceof Error) return [{ pointer: where, message: connection.message }];
  try {
    const subject = probedSubject(config.subject);
    const manager = await connection.jetstreamManager();
    const stream = await manager.streams.find(subject).catch(() => undefined);
    if (stream) return [];
    const message = `no JetStream stream takes subject "${subject}": add one whose subjects cover it`;
    return [{ pointer: '/subject', message }];
  } finally {
    await connection.close().catch(() => undefined);
  }
}
