/**
 * @module A fake DingTalk custom-robot server enforcing the real protocol: access token, signature on the
 * query string (millisecond timestamp within 1 hour), keywords, IP allow list, message shapes, and
 * 20 messages per minute followed by a 10-minute throttle (130101); errors come with HTTP 200.
 */
import { createHmac } from 'node:crypto';
import { collectTexts, isObject, isText, parseJsonBody, startFakeHttpServer } from './http-server.js';
import type { FakeAnswer, FakeRequest } from './http-server.js';
import { countInWindow, createScript, randomToken, realFakeClock } from './robot-fake.js';
import type { AcceptedMessage, FakeClock, FakeRobot, RefusedMessage } from './robot-fake.js';

export const DINGTALK_RATE = { limit: 20, windowMs: 60_000, throttleMs: 10 * 60_000 };

const TIMESTAMP_TOLERANCE_MS = 60 * 60 * 1000;

export interface FakeDingtalkOptions {
  clock?: FakeClock;
  /** When set, every request must be signed with it (加签). */
  secret?: string;
  /** When set, the message must contain at least one. */
  keywords?: string[];
  /** When set, the client IP must be one of these. */
  ipAllowList?: string[];
}

/** A running fake; `token` is the access token in its `url`. */
export interface FakeDingtalk extends FakeRobot {
  token: string;
}

type Refusal = { errcode: number; errmsg: string };

const refuse = (errcode: number, errmsg: string): Refusal => ({ errcode, errmsg });

/** Written from the vendor's description, not shared with the connector, so a wrong connector fails here. */
function expectedSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function checkSignature(query: URLSearchParams, secret: string, now: number): Refusal | undefined {
  const timestamp = query.get('timestamp');
  const sign = query.get('sign');
  if (!timestamp || !/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > TIMESTAMP_TOLERANCE_MS) {
    return refuse(310000, 'invalid timestamp');
  }
  return sign === expectedSign(secret, timestamp) ? undefined : refuse(310000, 'sign not match');
}

/** The refusal for a badly shaped message, or undefined when it is well formed. */
export function checkDingtalkShape(body: Record<string, unknown>): Refusal | undefined {
  const type = body.msgtype;
  if (type === 'text') {
    const ok = isObject(body.text) && isText(body.text.content);
    return ok ? undefined : refuse(400403, 'miss param : text->content');
  }
  if (type === 'markdown') {
    const part = body.markdown;
    if (!isObject(part) || !isText(part.title)) return refuse(400402, 'miss param : markdown->title');
    return isText(part.text) ? undefined : refuse(400403, 'miss param : markdown->text');
  }
  return refuse(40035, '缺少参数 json: msgtype');
}

function securityProblem(
  request: FakeRequest,
  body: Record<string, unknown>,
  options: FakeDingtalkOptions,
  now: number,
): Refusal | undefined {
  if (options.ipAllowList && !options.ipAllowList.includes(request.remoteAddress)) {
    return refuse(310000, `ip ${request.remoteAddress} not in whitelist`);
  }
  if (options.secret) {
    const problem = checkSignature(request.url.searchParams, options.secret, now);
    if (problem) return problem;
  }
  if (options.keywords) {
    const texts = collectTexts({ text: body.text, markdown: body.markdown }, ['content', 'title', 'text']);
    const found = options.keywords.some((keyword) => texts.some((text) => text.includes(keyword)));
    if (!found) return refuse(310000, 'keywords not in content');
  }
  return undefined;
}

/**
 * Starts the fake on 127.0.0.1:0; its webhook is `<origin>/robot/send?access_token=<token>`.
 *
 * @example
 * const dingtalk = await startFakeDingtalk({ clock, secret: 'SECabc', keywords: ['alarm'] });
 */
export async function startFakeDingtalk(options: FakeDingtalkOptions = {}): Promise<FakeDingtalk> {
  const clock = options.clock ?? realFakeClock;
  const token = randomToken().replace(/-/g, '');
  const received: AcceptedMessage[] = [];
  const rejected: RefusedMessage[] = [];
  const script = createScript();
  let throttledUntil = -Infinity;

  function handle(request: FakeRequest): FakeAnswer {
    if (request.method !== 'POST' || request.url.pathname !== '/robot/send') {
      return { status: 404, json: { error: 'not found' } };
    }
    const at = clock.now();
    const parsed = parseJsonBody(request.body);
    const answer = (refusal: Refusal): FakeAnswer => {
      rejected.push({ body: parsed, at, code: refusal.errcode });
      return { json: refusal };
    };
    const accessToken = request.url.searchParams.get('access_token');
    if (!accessToken) return answer(refuse(40035, '缺少参数 access_token'));
    if (accessToken !== token) return answer(refuse(300005, 'token is not exist'));
    const scripted = script.take();
    if (scripted) return answer(refuse(scripted.code, scripted.message));
    if (at < throttledUntil) return answer(refuse(130101, 'send too fast, exceed 20 times per minute'));
    if (!isObject(parsed)) return answer(refuse(40035, '缺少参数 json'));
    const problem = securityProblem(request, parsed, options, at) ?? checkDingtalkShape(parsed);
    if (problem) return answer(problem);
    const times = received.map((message) => message.at);
    if (countInWindow(times, at, DINGTALK_RATE.windowMs) >= DINGTALK_RATE.limit) {
      throttledUntil = at + DINGTALK_RATE.throttleMs;
      return answer(refuse(130101, 'send too fast, exceed 20 times per minute'));
    }
    received.push({ body: parsed, at });
    return { json: { errcode: 0, errmsg: 'ok' } };
  }

  const server = await startFakeHttpServer(handle);
  return {
    url: `${server.origin}/robot/send?access_token=${token}`,
    token,
    received,
    rejected,
    answerNext: (code, message, times) => script.push(code, message, times),
    reset() {
      received.length = 0;
      rejected.length = 0;
      script.clear();
      throttledUntil = -Infinity;
    },
    close: () => server.close(),
  };
}
