/**
 * @module Test support for connector tests: steps built on one controllable clock, a run that captures the
 * error and logs, a check that no secret leaked, and the typed error a call throws.
 */
import { expect } from 'vitest';
import {
  createStepContext,
  createTestClock,
  FlowbusError,
  toFlowError,
  type CapturedLog,
  type FlowError,
  type StepDefinition,
  type TestClock,
} from '../../engine/sdk.js';
import { createConnectorSteps } from '../index.js';

/** 2024-01-01T00:00:00Z: a plausible "now" for signatures. */
export const TEST_START = Date.UTC(2024, 0, 1);

/** Connector steps whose robot sends are paced by `clock` (one rate-limit registry, like one process). */
export function connectorStepsOn(clock: TestClock): Map<string, StepDefinition> {
  return new Map(createConnectorSteps({ clock }).map((step) => [step.type, step]));
}

/** A fresh test clock at {@link TEST_START} and the steps built on it. */
export function robotTestSetup(start = TEST_START): { clock: TestClock; steps: Map<string, StepDefinition> } {
  const clock = createTestClock(start);
  return { clock, steps: connectorStepsOn(clock) };
}

/** What one run of a step left: its error (as data, like a Catch sees it) and its log lines. */
export interface ConnectorRun {
  error?: FlowError;
  logs: CapturedLog[];
}

/**
 * Runs a step once with the given config and connections; never throws, so tests assert on `error`.
 *
 * @example
 * const run = await runConnector(step, { connection: 'ops', content: 'hi' }, { ops: { webhook } });
 */
export async function runConnector(
  step: StepDefinition | undefined,
  config: Record<string, unknown>,
  connections: Record<string, Record<string, unknown>>,
  signal?: AbortSignal,
): Promise<ConnectorRun> {
  if (!step?.execute) throw new Error('no such connector step');
  const context = createStepContext({
    config,
    connections,
    step: { id: 'send', type: step.type },
    ...(signal ? { signal } : {}),
  });
  try {
    await step.execute(context);
    return { logs: context.logs };
  } catch (thrown) {
    return { error: toFlowError(thrown, 'send'), logs: context.logs };
  }
}

/** Fails when any secret appears in the run's error message, details or logs. */
export function expectNoSecretsIn(run: ConnectorRun, secrets: readonly string[]): void {
  const exposed = JSON.stringify({ error: run.error ?? null, logs: run.logs });
  for (const secret of secrets) {
    expect(exposed).not.toContain(secret);
    expect(exposed).not.toContain(encodeURIComponent(secret));
  }
}

/** The alarm of story 1 (a CVM event), and the markdown the flow builds from it. */
export const STORY_ONE_EVENT = {
  subject: 'ins-sjksjk',
  region: 'ap-guangzhou',
  type: 'cvm:ErrorEvent:ping_unreachable',
};

export function storyOneMarkdown(event = STORY_ONE_EVENT): string {
  return [
    '<font color="warning">收到告警信息，请及时处理</font>',
    `> 实例 ID:<font color="comment">${event.subject}</font>`,
    `> 地域:<font color="comment">${event.region}</font>`,
    `> 事件名称:<font color="comment">${event.type}</font>`,
  ].join('\n');
}

/** A loopback port that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The typed error `run` throws; fails the test when it throws none, or something else. */
export function flowbusErrorOf(run: () => unknown): FlowbusError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof FlowbusError) return thrown;
    throw thrown;
  }
  throw new Error('expected an error');
}
