/**
 * @module A fake Feishu/Lark custom-bot server enforcing the real protocol: token, signature in the body
 * (seconds timestamp within 3600 s; HMAC keyed by `timestamp + "\n" + secret` over an empty message),
 * keywords, IP allow list, 20 KB body, message shapes, 5 per second and 100 per minute (11232);
 * errors come with HTTP 200.
 */
import { createHmac } from 'node:crypto';
import { collectTexts, isObject, isText, parseJsonBody, startFakeHttpServer } from './http-server.js';
import type { FakeAnswer, FakeRequest } from './http-server.js';
import { countInWindow, createScript, randomToken, realFakeClock } from './robot-fake.js';
import type { AcceptedMessage, FakeClock, FakeRobot, RefusedMessage } from './robot-fake.js';

export const FEISHU_RATES = [
  { limit: 5, windowMs: 1_000 },
  { limit: 100, windowMs: 60_000 },
];

export const FEISHU_MAX_BODY_BYTES = 20 * 1024;

const TIMESTAMP_TOLERANCE_SECONDS = 3600;

const SUCCESS = { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' };

export interface FakeFeishuOptions {
  clock?: FakeClock;
  /** When set, every request body must carry `timestamp` and `sign` for it. */
  secret?: string;
  /** When set, a text or title of the message must contain at least one. */
  keywords?: string[];
  /** When set, the client IP must be one of these. */
  ipAllowList?: string[];
}

/** A running fake; `token` is the last path segment of its `url`. */
export interface FakeFeishu extends FakeRobot {
  token: string;
}

type Refusal = { code: number; msg: string; data: Record<string, never> };

const refuse = (code: number, msg: string): Refusal => ({ code, msg, data: {} });

/** Written from the vendor's description, not shared with the connector, so a wrong connector fails here. */
function expectedSign(secret: string, timestamp: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
}

function checkSignature(body: Record<string, unknown>, secret: string, nowMs: number): Refusal | undefined {
  const timestamp = String(body.timestamp ?? '');
  const fail = refuse(19021, 'sign match fail or timestamp is not within one hour from current time');
  if (!/^\d+$/.test(timestamp)) return fail;
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return fail;
  return body.sign === expectedSign(secret, timestamp) ? undefined : fail;
}

function isPostRows(value: unknown): boolean {
  const isTag = (tag: unknown) => isObject(tag) && isText(tag.tag);
  return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(isTag));
}

/** The refusal for a badly shaped message, or undefined when it is well formed. */
export function checkFeishuShape(body: Record<string, unknown>): Refusal | undefined {
  const bad = refuse(9499, 'Bad Request');
  const content = body.content;
  switch (body.msg_type) {
    case 'text':
      return isObject(content) && isText(content.text) ? undefined : bad;
    case 'post': {
      const post = isObject(content) && isObject(content.post) ? content.post : undefined;
      const locales = post ? [post.zh_cn, post.en_us].filter(isObject) : [];
      return locales.length > 0 && locales.every((locale) => isPostRows(locale.content)) ? undefined : bad;
    }
    case 'interactive':
      return isObject(body.card) ? undefined : bad;
    default:
      return bad;
  }
}

function securityProblem(
  request: FakeRequest,
  body: Record<string, unknown>,
  options: FakeFeishuOptions,
  now: number,
): Refusal | undefined {
  if (options.ipAllowList && !options.ipAllowList.includes(request.remoteAddress)) {
    return refuse(19022, 'Ip Not Allowed');
  }
  if (options.secret) {
    const problem = checkSignature(body, options.secret, now);
    if (problem) return problem;
  }
  if (options.keywords) {
    // Only text and title values count, never an href.
    const texts = collectTexts({ content: body.content, card: body.card }, ['text', 'title', 'content']);
    const found = options.keywords.some((keyword) => texts.some((text) => text.includes(keyword)));
    if (!found) return refuse(19024, 'Key Words Not Found');
  }
  return undefined;
}

/**
 * Starts the fake on 127.0.0.1:0; its webhook is `<origin>/open-apis/bot/v2/hook/<token>`.
 *
 * @example
 * const feishu = await startFakeFeishu({ clock, secret: 'demo' });
 */
export async function startFakeFeishu(options: FakeFeishuOptions = {}): Promise<FakeFeishu> {
  const clock = options.clock ?? realFakeClock;
  const token = randomToken();
  const received: AcceptedMessage[] = [];
  const rejected: RefusedMessage[] = [];
  const script = createScript();
  const hookPath = `/open-apis/bot/v2/hook/${token}`;

  function handle(request: FakeRequest): FakeAnswer {
    if (request.method !== 'POST' || !request.url.pathname.startsWith('/open-apis/bot/v2/hook/')) {
      return { status: 404, json: { error: 'not found' } };
    }
    const at = clock.now();
    const parsed = parseJsonBody(request.body);
    const answer = (refusal: Refusal): FakeAnswer => {
      rejected.push({ body: parsed, at, code: refusal.code });
      return { json: refusal };
    };
    if (request.url.pathname !== hookPath) {
      return answer(refuse(19001, 'param invalid: incoming webhook access token invalid'));
    }
    const scripted = script.take();
    if (scripted) return answer(refuse(scripted.code, scripted.message));
    if (request.bodyBytes > FEISHU_MAX_BODY_BYTES || !isObject(parsed)) {
      return answer(refuse(9499, 'Bad Request'));
    }
    const problem = securityProblem(request, parsed, options, at) ?? checkFeishuShape(parsed);
    if (problem) return answer(problem);
    const times = received.map((message) => message.at);
    if (FEISHU_RATES.some(({ limit, windowMs }) => countInWindow(times, at, windowMs) >= limit)) {
      return answer(refuse(11232, 'frequency limited'));
    }
    received.push({ body: parsed, at });
    return { json: SUCCESS };
  }

  const server = await startFakeHttpServer(handle);
  return {
    url: `${server.origin}${hookPath}`,
    token,
    received,
    rejected,
    answerNext: (code, message, times) => script.push(code, message, times),
    reset() {
      received.length = 0;
      rejected.length = 0;
      script.clear();
    },
    close: () => server.close(),
  };
}
