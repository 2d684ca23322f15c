/**
 * @module Test helpers for step authors: a StepContext with captured logs, fake connections, flows and clock.
 */
import { FlowbusError } from '../core/errors.js';
import { applyStepOutput, createMessage } from '../core/message.js';
import type { Message, StepOutput } from '../core/message.js';
import type { Clock, LogLevel, StepContext, StepDefinition } from '../core/step-definition.js';

/** One line a step wrote through `context.logger`. */
export interface CapturedLog {
  level: LogLevel;
  category: string;
  content: string;
}

/** A clock that only moves when the test says so. */
export interface TestClock extends Clock {
  /** Moves time forward and wakes every sleep whose deadline has passed, earliest first. */
  advance(ms: number): void;
  /** How many sleeps are waiting. */
  readonly pendingSleeps: number;
}

/** A fake called flow: gets the caller's message, returns the called flow's final message. */
export type FakeFlow = (message: Message, signal: AbortSignal) => Message | Promise<Message>;

/** What a test sets; everything left out gets a harmless default. */
export interface StepContextOverrides<Config> {
  config?: Config;
  message?: Partial<Message>;
  step?: Partial<StepContext['step']>;
  /** An outer signal; `abort()` on the context works as well. */
  signal?: AbortSignal;
  executionId?: string;
  idempotencyKey?: string;
  execution?: 'durable' | 'express';
  flowId?: string;
  /** Connection configs by connection name. */
  connections?: Record<string, Record<string, unknown>>;
  /** Called flows by flow id. */
  flows?: Record<string, FakeFlow>;
  /** The clock's start time in epoch milliseconds; default 0. */
  now?: number;
}

/** A StepContext plus what the test inspects afterwards. */
export interface TestStepContext<Config> extends StepContext<Config> {
  clock: TestClock;
  logs: CapturedLog[];
  connectionRequests: Array<{ name: string; connectorType: string }>;
  flowCalls: Array<{ flowId: string; message: Message }>;
  /** Aborts `signal`, as a cancelled execution does. */
  abort(reason?: unknown): void;
}

/** Builds a {@link TestClock} starting at `start` epoch milliseconds. */
export function createTestClock(start = 0): TestClock {
  let time = start;
  const sleepers: Array<{ until: number; wake: () => void }> = [];
  return {
    now: () => time,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) return resolve();
        const onAbort = () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal?.reason);
        };
        const sleeper = {
          until: time + ms,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    advance(ms) {
      time += ms;
      const due = sleepers.filter((sleeper) => sleeper.until <= time).sort((a, b) => a.until - b.until);
      for (const sleeper of due) {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        sleeper.wake();
      }
    },
    get pendingSleeps() {
      return sleepers.length;
    },
  };
}

/**
 * Builds a StepContext for a unit test. Unknown connections and flows throw like the real ones would
 * (`CONNECTION:NOT_FOUND`, `FLOW:NOT_FOUND`).
 *
 * @example
 * const context = createStepContext({ config: { level: 'INFO', content: 'hi' } });
 * await loggerStep.execute!(context);
 * expect(context.logs).toEqual([{ level: 'INFO', category: 'flow', content: 'hi' }]);
 */
export function createStepContext<Config = Record<string, unknown>>(
  overrides: StepContextOverrides<Config> = {},
): TestStepContext<Config> {
  const controller = new AbortController();
  const signal = overrides.signal
    ? AbortSignal.any([controller.signal, overrides.signal])
    : controller.signal;
  const logs: CapturedLog[] = [];
  const connectionRequests: TestStepContext<Config>['connectionRequests'] = [];
  const flowCalls: TestStepContext<Config>['flowCalls'] = [];
  return {
    step: { id: 'step-under-test', type: 'test', ...overrides.step },
    config: overrides.config ?? ({} as Config),
    message: createMessage(overrides.message),
    signal,
    executionId: overrides.executionId ?? 'test-execution',
    flowId: overrides.flowId ?? 'test-flow',
    idempotencyKey: overrides.idempotencyKey ?? `${overrides.executionId ?? 'test-execution'}:step-under-test:1`,
    execution: overrides.execution ?? 'express',
    logger: { log: (level, category, content) => logs.push({ level, category, content }) },
    connections: {
      async get(name, connectorType) {
        connectionRequests.push({ name, connectorType });
        const connection = overrides.connections?.[name];
        if (connection) return connection;
        const message = `connection "${name}" (${connectorType}) is not configured`;
        throw new FlowbusError('CONNECTION:NOT_FOUND', message);
      },
    },
    flows: {
      async call(flowId, message, callSignal) {
        flowCalls.push({ flowId, message });
        const flow = overrides.flows?.[flowId];
        if (flow) return flow(message, callSignal);
        throw new FlowbusError('FLOW:NOT_FOUND', `flow "${flowId}" is not published`);
      },
    },
    clock: createTestClock(overrides.now),
    logs,
    connectionRequests,
    flowCalls,
    abort: (reason) => controller.abort(reason),
  };
}

/**
 * Runs a step's `execute` in a fresh test context; returns its output, the resulting message and the context.
 *
 * @example
 * const { message } = await runStep(setVariableStep, { config: { name: 'x', value: 1 } });
 */
export async function runStep<Config>(
  definition: StepDefinition<Config>,
  overrides: StepContextOverrides<Config> = {},
): Promise<{ output: StepOutput | void; message: Message; context: TestStepContext<Config> }> {
  if (!definition.execute) throw new Error(`step type "${definition.type}" has no execute`);
  const step = { type: definition.type, ...overrides.step };
  const context = createStepContext<Config>({ ...overrides, step });
  const output = await definition.execute(context);
  return { output, message: applyStepOutput(context.message, output), context };
}
