/**
 * @module Sends one message to a webhook robot: waits for the robot's rate-limit slot, POSTs JSON, lets the
 * vendor judge the answer, and backs off (as long as its `Retry-After` asks, if given) when rate limited.
 */
import { FlowbusError, networkCode, redact, type Clock, type StepLogger } from '../../engine/sdk.js';
import type { RobotLanes } from './rate-limiter.js';
import type { RobotAnswer, RobotRefusal, RobotVendor } from './robot-vendor.js';
import { waitFor } from './wait.js';

export type { RobotVendor, VendorResult } from './robot-vendor.js';

/** Give up on an answer after this long; the lane would otherwise stay blocked. */
export const ROBOT_REQUEST_TIMEOUT_MS = 15_000;

/** One message to send; `prepare` runs before each attempt, so signatures carry a fresh timestamp. */
export interface RobotSend {
  vendor: RobotVendor;
  /** The connection name: the only way messages name the robot. */
  connection: string;
  /** The lane key: the webhook as configured. */
  webhook: string;
  /** Values to mask in anything quoted from the vendor or the socket. */
  secrets: readonly string[];
  prepare(now: number): { url: URL; body: string };
}

/** Services a send uses. */
export interface RobotSendServices {
  lanes: RobotLanes;
  clock: Clock;
  signal: AbortSignal;
  logger: StepLogger;
  /** The log category, the step type. */
  category: string;
}

/** What a delivered send reports. */
export interface RobotDelivery {
  attempts: number;
  /** Time spent waiting for the rate limit and backing off (clock ms). */
  waitedMs: number;
}

/** `sending to WeCom robot "ops"`: the start of every message about this send. */
export function sendLabel(vendor: Pick<RobotVendor, 'title'>, connection: string): string {
  return `sending to ${vendor.title} "${connection}"`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function post(
  send: RobotSend,
  request: { url: URL; body: string },
  clock: Clock,
  signal: AbortSignal,
): Promise<RobotAnswer> {
  const { url, body } = request;
  const { vendor } = send;
  const label = sendLabel(vendor, send.connection);
  const timeout = AbortSignal.timeout(ROBOT_REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body,
      signal: AbortSignal.any([signal, timeout]),
    });
    const text = await response.text();
    const { status, headers } = response;
    return { status, headers, text, json: parseJson(text), receivedAt: clock.now() };
  } catch (thrown) {
    if (signal.aborted) throw new FlowbusError('CANCELLED', `${label}: cancelled`);
    const { code, reason } = timeout.aborted
      ? { code: 'TIMEOUT', reason: 'no answer in time' }
      : networkCode(thrown);
    const words = redact(reason || 'request failed', send.secrets);
    throw new FlowbusError(`${vendor.namespace}:CONNECTIVITY`, `${label}: ${words} (${code})`, {
      connection: send.connection,
      code,
    });
  }
}

/** The error of a refused send: `<NS>:<name>`, naming the connection, never the webhook. */
function refusalError(send: RobotSend, refusal: RobotRefusal, attempts: number): FlowbusError {
  const { vendor } = send;
  const message = `${sendLabel(vendor, send.connection)}: ${refusal.words}`;
  return new FlowbusError(`${vendor.namespace}:${refusal.name}`, message, {
    connection: send.connection,
    ...refusal.details,
    attempts,
  });
}

/**
 * Sends one message through the robot's lane; raises `<NS>:RATE_LIMITED` only after every retry is spent.
 *
 * @example
 * await sendToRobot({ vendor: wecomVendor, connection: 'ops', webhook, secrets, prepare }, services);
 */
export function sendToRobot(send: RobotSend, services: RobotSendServices): Promise<RobotDelivery> {
  const { vendor } = send;
  const { clock, signal, logger, category } = services;
  const label = sendLabel(vendor, send.connection);
  const lane = services.lanes.lane(`${vendor.namespace}:${send.webhook}`, vendor.windows);
  return lane.exclusive(
    async () => {
      let waitedMs = 0;
      for (let attempt = 1; ; attempt += 1) {
        const waited = await lane.takeSlot(clock, signal, label);
        if (waited > 0) {
          logger.log('INFO', category, `${label}: waited ${waited} ms for the robot's rate limit`);
        }
        waitedMs += waited;
        const answer = await post(send, send.prepare(clock.now()), clock, signal);
        const verdict = vendor.judge(answer, { quote: (text) => redact(text, send.secrets).slice(0, 300) });
        if (verdict.ok) return { attempts: attempt, waitedMs };
        const error = refusalError(send, verdict, attempt);
        const scheduled = vendor.backoffMs[attempt - 1];
        if (verdict.name !== 'RATE_LIMITED' || scheduled === undefined) throw error;
        const backoff = verdict.retryAfterMs ?? scheduled;
        logger.log('WARN', category, `${error.message}; retrying in ${backoff} ms (attempt ${attempt + 1})`);
        await waitFor(clock, backoff, signal, label);
        waitedMs += backoff;
      }
    },
    signal,
    label,
  );
}
