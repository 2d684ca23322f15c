/**
 * @module A fake WeCom group-robot server enforcing the real protocol: key, message shapes, byte limits,
 * 20 messages per rolling minute per key (45009), all answered with HTTP 200 and an errcode.
 */
import { createHash } from 'node:crypto';
import { isObject, isText, parseJsonBody, startFakeHttpServer } from './http-server.js';
import type { FakeAnswer, FakeRequest } from './http-server.js';
import { countInWindow, createScript, randomToken, realFakeClock } from './robot-fake.js';
import type { AcceptedMessage, FakeClock, FakeRobot, RefusedMessage } from './robot-fake.js';

export const WECOM_RATE = { limit: 20, windowMs: 60_000 };

const CONTENT_LIMITS: Record<string, number> = { text: 2048, markdown: 4096 };
const IMAGE_LIMIT = 2 * 1024 * 1024;

export interface FakeWecomOptions {
  clock?: FakeClock;
}

/** A running fake; `key` is the secret in its `url`. */
export interface FakeWecom extends FakeRobot {
  key: string;
}

type Refusal = { errcode: number; errmsg: string };

const refuse = (errcode: number, errmsg: string): Refusal => ({ errcode, errmsg });

function isStringList(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function checkContent(type: string, part: Record<string, unknown>): Refusal | undefined {
  if (!isText(part.content)) return refuse(44004, 'empty content');
  const limit = CONTENT_LIMITS[type];
  if (Buffer.byteLength(part.content, 'utf8') > limit) {
    return refuse(40058, `${type}.content exceed max length ${limit}. invalid Request Parameter`);
  }
  if (type === 'text' && (!isStringList(part.mentioned_list) || !isStringList(part.mentioned_mobile_list))) {
    return refuse(40058, 'invalid Request Parameter: mentioned_list');
  }
  return undefined;
}

function checkImage(part: Record<string, unknown>): Refusal | undefined {
  if (!isText(part.base64) || !isText(part.md5)) return refuse(40058, 'invalid Request Parameter: image');
  const bytes = Buffer.from(part.base64, 'base64');
  if (bytes.length > IMAGE_LIMIT) return refuse(40009, 'invalid image size');
  if (createHash('md5').update(bytes).digest('hex') !== part.md5.toLowerCase()) {
    return refuse(40058, 'invalid Request Parameter: image md5 not match');
  }
  return undefined;
}

function checkNews(part: Record<string, unknown>): Refusal | undefined {
  const articles = part.articles;
  const valid =
    Array.isArray(articles) &&
    articles.length >= 1 &&
    articles.length <= 8 &&
    articles.every((article) => isObject(article) && isText(article.title) && isText(article.url));
  return valid ? undefined : refuse(40058, 'invalid Request Parameter: news.articles');
}

/** The refusal for a badly shaped message, or undefined when it is well formed. */
export function checkWecomShape(body: unknown): Refusal | undefined {
  if (!isObject(body)) return refuse(40008, 'Warning: wrong json format. invalid message type');
  const type = body.msgtype;
  if (typeof type !== 'string' || !['text', 'markdown', 'image', 'news'].includes(type)) {
    return refuse(40008, 'invalid message type');
  }
  const part = body[type];
  if (!isObject(part)) return refuse(44004, 'empty content');
  if (type === 'image') return checkImage(part);
  if (type === 'news') return checkNews(part);
  return checkContent(type, part);
}

/**
 * Starts the fake on 127.0.0.1:0; its webhook is `<origin>/cgi-bin/webhook/send?key=<key>`.
 *
 * @example
 * const wecom = await startFakeWecom({ clock });
 * // give wecom.url to the connector; inspect wecom.received; await wecom.close();
 */
export async function startFakeWecom(options: FakeWecomOptions = {}): Promise<FakeWecom> {
  const clock = options.clock ?? realFakeClock;
  const key = randomToken();
  const received: AcceptedMessage[] = [];
  const rejected: RefusedMessage[] = [];
  const script = createScript();

  function handle(request: FakeRequest): FakeAnswer {
    if (request.method !== 'POST' || request.url.pathname !== '/cgi-bin/webhook/send') {
      return { status: 404, json: { error: 'not found' } };
    }
    const at = clock.now();
    const body = parseJsonBody(request.body);
    const answer = (refusal: Refusal): FakeAnswer => {
      rejected.push({ body, at, code: refusal.errcode });
      return { json: refusal };
    };
    if (request.url.searchParams.get('key') !== key) return answer(refuse(93000, 'invalid webhook url'));
    const scripted = script.take();
    if (scripted) return answer(refuse(scripted.code, scripted.message));
    const times = received.map((message) => message.at);
    if (countInWindow(times, at, WECOM_RATE.windowMs) >= WECOM_RATE.limit) {
      return answer(refuse(45009, 'api freq out of limit'));
    }
    const shapeProblem = checkWecomShape(body);
    if (shapeProblem) return answer(shapeProblem);
    received.push({ body, at });
    return { json: { errcode: 0, errmsg: 'ok' } };
  }

  const server = await startFakeHttpServer(handle);
  return {
    url: `${server.origin}/cgi-bin/webhook/send?key=${key}`,
    key,
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
