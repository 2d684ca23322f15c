/**
 * @module What one execution may hold (message size, trace and log entries, log line length), and the pace
 * at which its loops hand the event loop back.
 */
import { FlowbusError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { measureValue } from '../core/value-size.js';
import { DEFAULT_LIMITS } from '../expressions/bounds.js';
import type { ExecutionEnv } from './environment.js';

/** Bounds of one execution; the server reads them from `limits.*` in its config. */
export interface ExecutionLimits {
  /** Largest value one expression may build (`EXPRESSION:LIMIT` beyond). */
  valueBytes: number;
  /** Largest message a step may leave, and For Each results may collect (`EXECUTION:LIMIT`). */
  messageBytes: number;
  /** Trace entries kept, and log entries kept: the first and the last half of each; the rest are counted. */
  traceEntries: number;
  /** Longest Logger content kept; longer content is cut and says so. */
  logLineBytes: number;
}

/** The defaults, the same as the server's `limits.*` defaults. */
export const DEFAULT_EXECUTION_LIMITS: ExecutionLimits = Object.freeze({
  valueBytes: DEFAULT_LIMITS.valueBytes,
  messageBytes: 32 * 1024 * 1024,
  traceEntries: 1000,
  logLineBytes: 16 * 1024,
});

/** Each missing or non-positive field takes its default. */
export function resolveExecutionLimits(limits: Partial<ExecutionLimits> | undefined): ExecutionLimits {
  const resolved = { ...DEFAULT_EXECUTION_LIMITS };
  for (const key of Object.keys(resolved) as Array<keyof ExecutionLimits>) {
    const value = limits?.[key];
    if (typeof value === 'number' && value > 0) resolved[key] = value;
  }
  return resolved;
}

/** The error of a step whose output message, or a For Each's collected results, pass `limits.messageBytes`. */
export function messageLimitError(what: string, limit: number): FlowbusError {
  const message = `${what} is larger than the ${limit} bytes allowed (limits.messageBytes)`;
  return new FlowbusError('EXECUTION:LIMIT', message, { limit: 'limits.messageBytes', messageBytes: limit });
}

/**
 * Throws `EXECUTION:LIMIT` when the message a step leaves is larger than allowed. Values are measured once per
 * execution (messages are never changed once a step returned them), so a step costs about its new values.
 */
export function checkMessageSize(env: ExecutionEnv, message: Message): void {
  const limit = env.limits.messageBytes;
  const payload = measureValue(message.payload, limit, env.sizes);
  if (payload + measureValue(message.vars, limit - payload, env.sizes) > limit) {
    throw messageLimitError('the message (payload and vars) after this step', limit);
  }
}

/** How long a run of steps may keep the event loop before handing it back. */
const PACE_MS = 10;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether the execution has kept the event loop for {@link PACE_MS}. */
export function paceDue(env: ExecutionEnv): boolean {
  return performance.now() - env.lastYieldAt >= PACE_MS;
}

/**
 * Hands the event loop back when the execution has kept it for {@link PACE_MS}: a step or a For Each
 * iteration awaits it, so a long loop never stops timers, I/O and `/api/health`. Costs nothing otherwise.
 */
export function pace(env: ExecutionEnv): Promise<void> | undefined {
  if (!paceDue(env)) return undefined;
  return nextTurn().then(() => {
    env.lastYieldAt = performance.now();
  });
}

/** Logger content cut to `limit` characters, saying how much was cut. */
export function boundLogContent(content: string, limit: number): string {
  if (content.length <= limit) return content;
  return `${content.slice(0, limit)}... [${content.length - limit} more characters cut: limits.logLineBytes]`;
}
