/**
 * @module Sends one message to an IM robot webhook: waits for the robot's rate-limit slot, POSTs JSON,
 * reads the vendor's result code (HTTP 200 is not success), and backs off when the vendor says "too fast".
 */
import { FlowbusError, networkCode, type Clock, type StepLogger } from '../../engine/sdk.js';
import type { RateWindow, RobotLanes } from './rate-limiter.js';
import { redact } from './redact.js';
import { waitFor } from './wait.js';

/** Give up on an answer after this long; the lane would otherwise stay blocked. */
export const ROBOT_REQUEST_TIMEOUT_MS = 15_000;

/** A vendor's result: `code` 0 is success. */
export interface VendorResult {
  code: number;
  message: string;
}

/** What differs between robot vendors. */
export interface RobotVendor {
  /** Error type namespace: `WECOM`, `DINGTALK`, `FEISHU`. */
  namespace: string;
  /** For messages: `WeCom robot`. */
  title: string;
  /** What the vendor calls its result code in answers: `errcode` or `code`. */
  codeName: string;
  /** What the vendor calls its result message: `errmsg` or `msg`. */
  messageName: string;
  windows: readonly RateWindow[];
  /** Waits before each retry after a "too fast" answer; its length bounds the retries. */
  backoffMs: readonly number[];
  /** The result code and message in a parsed answer; undefined when the answer carries none. */
  readResult(answer: unknown): VendorResult | undefined;
  /** The error name (`RATE_LIMITED`, `SIGNATURE`, ..., or `ERROR`) and a few words for a non-zero result. */
  classify(result: VendorResult): { name: string; words: string };
}

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

interface Answer {
  status: number;
  json: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function post(send: RobotSend, url: URL, body: string, signal: AbortSignal): Promise<Answer> {
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
    return { status: response.status, json: parseJson(await response.text()) };
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

function vendorError(send: RobotSend, result: VendorResult, attempts: number): FlowbusError {
  const { vendor } = send;
  const { name, words } = vendor.classify(result);
  const vendorMessage = redact(result.message, send.secrets).slice(0, 300);
  return new FlowbusError(
    `${vendor.namespace}:${name}`,
    `${sendLabel(vendor, send.connection)}: ${vendor.codeName} ${result.code} (${words})`,
    {
      connection: send.connection,
      [vendor.codeName]: result.code,
      [vendor.messageName]: vendorMessage,
      attempts,
    },
  );
}

/** The error for an answer that is not success, or undefined for success. */
function answerError(send: RobotSend, answer: Answer, attempts: number): FlowbusError | undefined {
  const { vendor } = send;
  const result = vendor.readResult(answer.json);
  if (result && result.code !== 0) return vendorError(send, result, attempts);
  const label = sendLabel(vendor, send.connection);
  if (answer.status !== 200) {
    return new FlowbusError(`${vendor.namespace}:HTTP_STATUS`, `${label}: answered HTTP ${answer.status}`, {
      connection: send.connection,
      status: answer.status,
    });
  }
  if (!result) {
    return new FlowbusError(`${vendor.namespace}:ERROR`, `${label}: the answer holds no ${vendor.codeName}`, {
      connection: send.connection,
    });
  }
  return undefined;
}

/**
 * Sends one message through the robot's lane; raises `<NS>:RATE_LIMITED` only after every backoff is spent.
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
        const { url, body } = send.prepare(clock.now());
        const error = answerError(send, await post(send, url, body, signal), attempt);
        if (!error) return { attempts: attempt, waitedMs };
        const backoff = vendor.backoffMs[attempt - 1];
        if (error.type !== `${vendor.namespace}:RATE_LIMITED` || backoff === undefined) throw error;
        logger.log('WARN', category, `${error.message}; retrying in ${backoff} ms (attempt ${attempt + 1})`);
        await waitFor(clock, backoff, signal, label);
        waitedMs += backoff;
      }
    },
    signal,
    label,
  );
}
