/**
 * @module Keeping a source connected: connect, consume until the connection drops, report it, wait with
 * exponential backoff (with jitter) and connect again, until the source is stopped.
 */
import type { RunningSource, SourceContext, SourceProblem } from './types.js';

/** One connection of a source to its broker, consuming. */
export interface BrokerSession {
  /** Resolves with the reason once the connection or its consumer is gone. */
  closed: Promise<Error>;
  /** Stops consuming and closes; unacknowledged messages go back to the broker. */
  close(): Promise<void>;
}

export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 30_000 };

/** The wait before reconnect number `attempt` (1-based): between half and all of the doubled cap. */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy, random = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Waits `ms`, or less when `signal` aborts first; never rejects. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `connect` until the source is stopped; every failure is reported (`describe` turns it into the
 * broker's reason and the config pointer it concerns) and retried after a backoff.
 *
 * @example
 * return keepConnected(context, () => openSession(context), describeAmqpError);
 */
export function keepConnected(
  context: Pick<SourceContext, 'signal' | 'report' | 'connected' | 'log' | 'id'>,
  connect: () => Promise<BrokerSession>,
  describe: (error: Error) => SourceProblem,
  policy: ReconnectPolicy = DEFAULT_RECONNECT,
): RunningSource {
  const { signal } = context;
  let session: BrokerSession | undefined;
  const loop = (async () => {
    let attempt = 0;
    while (!signal.aborted) {
      let failure: Error;
      try {
        session = await connect();
        if (signal.aborted) break;
        attempt = 0;
        context.connected(true);
        failure = await session.closed;
        session = undefined;
      } catch (error) {
        failure = error as Error;
      }
      if (signal.aborted) break;
      context.connected(false);
      const problem = describe(failure);
      context.report(problem);
      attempt += 1;
      const delay = reconnectDelay(attempt, policy);
      context.log('warn', `source "${context.id}": ${problem.message}; connecting again in ${delay} ms`, {
        source: context.id,
        attempt,
      });
      await pause(delay, signal);
    }
  })();
  return {
    async stop() {
      await session?.close().catch(() => undefined);
      await loop;
      await session?.close().catch(() => undefined);
    },
  };
}
