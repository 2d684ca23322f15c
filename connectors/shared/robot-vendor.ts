/**
 * @module What a webhook robot vendor is to the shared sender: its rate limits, and what it makes of an
 * answer (success, an error, a rate limit with the delay it asks for). `resultCodeVendor` builds the
 * judgement of the IM robots that answer a JSON result code (WeCom, DingTalk, Feishu).
 */
import { isPlainObject } from '../../engine/sdk.js';
import type { RateWindow } from './rate-limiter.js';

/** An answer of a robot webhook, as read off the wire. */
export interface RobotAnswer {
  status: number;
  headers: Headers;
  /** The body as text (a plain-text `ok` is an answer too). */
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
  /** The send's clock time when the answer came, for a `Retry-After` date. */
  receivedAt: number;
}

/** A vendor's reading of an answer that is not success. */
export interface RobotRefusal {
  ok: false;
  /** The error name: `RATE_LIMITED`, `SIGNATURE`, ..., `HTTP_STATUS`, or `ERROR`. */
  name: string;
  /** What the vendor said, for the message after the send's label: `errcode 45009 (rate limited)`. */
  words: string;
  /** Fields for the error's details (vendor text already passed through `quote`). */
  details?: Record<string, unknown>;
  /** For `RATE_LIMITED`: how long the vendor asks to wait (its `Retry-After`), instead of the backoff. */
  retryAfterMs?: number;
}

/** What a vendor makes of an answer. */
export type RobotVerdict = { ok: true } | RobotRefusal;

/** What a vendor may use while judging: `quote` masks secrets in, and shortens, text it repeats. */
export interface JudgeTools {
  quote(text: string): string;
}

/** What differs between robot vendors. */
export interface RobotVendor {
  /** Error type namespace: `WECOM`, `DINGTALK`, `FEISHU`. */
  namespace: string;
  /** For messages: `WeCom robot`. */
  title: string;
  /** What the vendor calls its result code, where it has one (`errcode`, `code`): for the error docs. */
  codeName?: string;
  windows: readonly RateWindow[];
  /** Waits before each retry after a rate limit without `Retry-After`; its length bounds the retries. */
  backoffMs: readonly number[];
  /** Success, or the error this answer means. */
  judge(answer: RobotAnswer, tools: JudgeTools): RobotVerdict;
}

/** A vendor's result code and message: `code` 0 is success. */
export interface VendorResult {
  code: number;
  message: string;
}

/** The error name of a non-zero result code and a few words for the message: `RATE_LIMITED`, `rate limited`. */
export interface ResultMeaning {
  name: string;
  words: string;
}

/** A vendor that answers a JSON result code, described by its names and codes. */
export interface ResultCodeVendorSpec extends Omit<RobotVendor, 'judge' | 'codeName'> {
  /** What the vendor calls its result code in answers: `errcode` or `code`. */
  codeName: string;
  /** What the vendor calls its result message: `errmsg` or `msg`. */
  messageName: string;
  /**
   * The result code and message in a parsed answer; undefined when the answer carries none. Default: the
   * number under `codeName` and the text under `messageName`.
   */
  readResult?(answer: unknown): VendorResult | undefined;
  /** What the non-zero codes the vendor documents mean. */
  codes: Readonly<Record<number, ResultMeaning>>;
  /** The meaning of a code whose message tells more (one code for several errors); undefined: see `codes`. */
  classify?(result: VendorResult): ResultMeaning | undefined;
}

/** What a non-zero code means when neither `codes` nor `classify` knows it. */
const REFUSED: ResultMeaning = { name: 'ERROR', words: 'refused' };

/** Reads the result of an answer `{ [codeName]: number, [messageName]?: string }`. */
function resultReader(codeName: string, messageName: string) {
  return (answer: unknown): VendorResult | undefined => {
    if (!isPlainObject(answer)) return undefined;
    const code = answer[codeName];
    const message = answer[messageName];
    if (typeof code !== 'number') return undefined;
    return { code, message: typeof message === 'string' ? message : '' };
  };
}

/**
 * The delay a `Retry-After` header asks for (delta-seconds or an HTTP date), in ms; undefined without one.
 *
 * @example
 * readRetryAfterMs(new Headers({ 'retry-after': '30' }), Date.now()); // 30000
 */
export function readRetryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The verdict on an answer whose HTTP status is not the success the vendor expects. */
export function httpStatusRefusal(answer: RobotAnswer): RobotRefusal {
  const { status } = answer;
  return { ok: false, name: 'HTTP_STATUS', words: `answered HTTP ${status}`, details: { status } };
}

/**
 * The verdict on a "too many requests" answer: `RATE_LIMITED`, with the delay of its `Retry-After`
 * (also in the error's details) when it has one.
 */
export function rateLimitedRefusal(
  answer: RobotAnswer,
  words = `answered HTTP ${answer.status}`,
): RobotRefusal {
  const { status } = answer;
  const retryAfterMs = readRetryAfterMs(answer.headers, answer.receivedAt);
  if (retryAfterMs === undefined) return { ok: false, name: 'RATE_LIMITED', words, details: { status } };
  return { ok: false, name: 'RATE_LIMITED', words, details: { status, retryAfterMs }, retryAfterMs };
}

/**
 * A vendor that answers a JSON result code: a non-zero code is its error, then a status other than 200
 * is `HTTP_STATUS`, then an answer without a code is `ERROR`.
 *
 * @example
 * export const wecomVendor = resultCodeVendor({ namespace: 'WECOM', codeName: 'errcode', ... });
 */
export function resultCodeVendor(spec: ResultCodeVendorSpec): RobotVendor & { codeName: string } {
  const { codeName, messageName, codes, classify, readResult: reader, ...vendor } = spec;
  const readResult = reader ?? resultReader(codeName, messageName);
  return {
    ...vendor,
    codeName,
    judge(answer, { quote }) {
      const result = readResult(answer.json);
      if (result && result.code !== 0) {
        const { name, words } = codes[result.code] ?? classify?.(result) ?? REFUSED;
        const details = { [codeName]: result.code, [messageName]: quote(result.message) };
        return { ok: false, name, words: `${codeName} ${result.code} (${words})`, details };
      }
      if (answer.status !== 200) return httpStatusRefusal(answer);
      if (!result) return { ok: false, name: 'ERROR', words: `the answer holds no ${codeName}` };
      return { ok: true };
    },
  };
}
