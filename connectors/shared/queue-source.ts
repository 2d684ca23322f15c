/**
 * @module What the broker sources (NATS, RabbitMQ) share: a setup failure that names its config field, the
 * source problem it becomes, and taking one message into the bus (ack once durable, drop what the bus refuses,
 * hand back what it could not take now).
 */
import type { FlowbusError, readBindingMessage, SourceContext, SourceProblem } from '../../engine/sdk.js';

/** A broker refusal during setup, with the JSON pointer (inside `config`) of the field it concerns. */
export class SetupError extends Error {
  constructor(
    readonly pointer: string,
    override readonly cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** Runs one setup call; its failure becomes a {@link SetupError} for `pointer`. */
export async function setupStep<T>(pointer: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new SetupError(pointer, error);
  }
}

/** How a broker's errors read as typed errors, for {@link describeSourceFailure}. */
export interface BrokerErrors {
  /** `natsError`, `rabbitError`. */
  toTyped(error: unknown, doing: string): FlowbusError;
  /** The broker's name, what the message says was being done: `NATS`. */
  name: string;
  /** The type of a broker that is away, which the source keeps retrying: `NATS:CONNECTIVITY`. */
  connectivityType: string;
  /** The pointer of a failure outside setup (`/queue`), `''` for none. */
  fallbackPointer: string;
}

/**
 * The source problem of a session that failed: the config field it concerns, the broker's reason, and whether
 * the source keeps trying.
 *
 * @example
 * const describe = (error: Error) => describeSourceFailure(error, { toTyped: natsError, name: 'NATS', ... });
 */
export function describeSourceFailure(error: Error, broker: BrokerErrors): SourceProblem {
  const pointer = error instanceof SetupError ? error.pointer : broker.fallbackPointer;
  const typed = broker.toTyped(error instanceof SetupError ? error.cause : error, broker.name);
  return { pointer: `/config${pointer}`, message: typed.message, retrying: typed.type === broker.connectivityType };
}

/** A message read off a broker: its event, or why it is none. */
export type BrokerMessageEvent = NonNullable<ReturnType<typeof readBindingMessage>>;

/** What a source can do with the message it read. */
export interface BrokerSettlement {
  ack(): void;
  /** The bus refused it for good: never deliver it again (`term`, nack to the dead-letter exchange). */
  drop(): void;
  /** The bus could not take it now: deliver it again. */
  retry(): void;
  /** How the warning says it comes back: `redelivered`, `requeued`. */
  retried: string;
}

/** Runs an ack or nack; one on a connection that is gone is not an error. */
export function settleQuietly(run: () => void): void {
  try {
    run();
  } catch {
    // The connection or channel is gone: the broker redelivers whatever was not acked.
  }
}

/**
 * Takes one message into the bus: a refused one is counted (with `fields`) and dropped, an accepted one acked
 * once durable, and one the bus cannot take now handed back to the broker with a warning.
 */
export async function ingestBrokerMessage(
  context: Pick<SourceContext<unknown>, 'id' | 'ingest' | 'log'>,
  parsed: BrokerMessageEvent,
  fields: Record<string, unknown>,
  settlement: BrokerSettlement,
): Promise<void> {
  const { ingest } = context;
  if (!parsed.ok) {
    ingest.reject(parsed.reason, fields);
    return settleQuietly(settlement.drop);
  }
  try {
    await ingest.accept(parsed.event);
    settleQuietly(settlement.ack);
  } catch (error) {
    context.log('warn', `source "${context.id}": the bus did not take a message; it is ${settlement.retried}`, {
      error: (error as Error).message,
    });
    settleQuietly(settlement.retry);
  }
}
