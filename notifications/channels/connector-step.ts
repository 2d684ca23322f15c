/**
 * @module Runs a connector step (e-mail, a robot) for a bus delivery: the step definition is the one client
 * of its vendor, so message push sends with the same builders, signing and rate-limit queues as flows do.
 */
import {
  FlowbusError,
  createMessage,
  type Clock,
  type ConnectionResolver,
  type LogLevel,
  type StepContext,
  type StepDefinition,
} from '../../engine/sdk.js';

/** Where connector log lines go: the target's log, with the delivery they belong to. */
export type PushLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

/** What a step run needs from the delivery. */
export interface StepRunServices {
  signal: AbortSignal;
  clock: Clock;
  connections?: ConnectionResolver;
  log: PushLog;
  /** Which delivery this is, for ids and log fields. */
  origin: { bus: string; rule: string; target: string; eventId: string };
}

const LOG_LEVELS: Readonly<Record<LogLevel, 'info' | 'warn' | 'error' | undefined>> = {
  DEBUG: undefined,
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

const noConnections: ConnectionResolver = {
  get: async (name) => {
    const message = `connection "${name}" cannot be read: this bus has no connection store`;
    throw new FlowbusError('BUS:NO_CONNECTIONS', message, { retryable: false });
  },
};

/**
 * Runs `step` once with an already evaluated `config`, outside any flow.
 *
 * @example
 * const config = { connection: 'smtp', to: ['ops@example.com'], subject: 'Alarm', text: 'ins-1 is down' };
 * await runConnectorStep(emailStep, config, services);
 */
export async function runConnectorStep<Config>(
  step: StepDefinition<Config>,
  config: Config,
  services: StepRunServices,
): Promise<void> {
  const { origin, log } = services;
  const context: StepContext<Config> = {
    step: { id: origin.target, type: step.type },
    config,
    message: createMessage(),
    signal: services.signal,
    executionId: `${origin.bus}/${origin.rule}/${origin.eventId}`,
    flowId: `rule:${origin.rule}`,
    logger: {
      log: (level, category, content) => {
        const mapped = LOG_LEVELS[level];
        if (mapped) log(mapped, `${category}: ${content}`, { ...origin });
      },
    },
    connections: services.connections ?? noConnections,
    flows: {
      call: async () => {
        throw new FlowbusError('FLOW:UNAVAILABLE', 'a bus target cannot call flows', { retryable: false });
      },
    },
    clock: services.clock,
  };
  if (!step.execute) throw new FlowbusError('MESSAGE_PUSH:CHANNEL_UNAVAILABLE', `${step.type} cannot send`);
  await step.execute(context);
}
