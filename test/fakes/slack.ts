/**
 * @module A fake Slack incoming-webhook server enforcing the real protocol: the hook's path and token, a JSON
 * body with `text` unless it has blocks or attachments, Block Kit's 50 blocks, 100 attachments, the
 * channel's state, one message a second per hook (429 with `Retry-After`); success is HTTP 200 with the
 * plain text `ok`, errors are a status with a plain-text code (`invalid_payload`, `channel_is_archived`).
 */
import { isObject, isText, parseJsonBody, startFakeHttpServer } from './http-server.js';
import type { FakeAnswer, FakeRequest } from './http-server.js';
import { countInWindow, realFakeClock } from './robot-fake.js';
import type { AcceptedMessage, FakeClock } from './robot-fake.js';

/** Slack's documented pace for incoming webhooks: one message a second per hook. */
export const SLACK_RATE = { limit: 1, windowMs: 1_000 };

/** Block Kit's limit of blocks in one message, and Slack's limit of attachments. */
export const SLACK_LIMITS = { blocks: 50, attachments: 100 } as const;

/** The HTTP status Slack answers with each error code. */
export const SLACK_ERROR_STATUS: Readonly<Record<string, number>> = {
  invalid_payload: 400,
  invalid_blocks: 400,
  invalid_blocks_format: 400,
  no_text: 400,
  too_many_attachments: 400,
  user_not_found: 400,
  action_prohibited: 403,
  posting_to_general_channel_denied: 403,
  invalid_token: 403,
  channel_not_found: 404,
  no_service: 404,
  channel_is_archived: 410,
  rollup_error: 500,
};

export interface FakeSlackOptions {
  clock?: FakeClock;
  /** The state of the hook's channel: `archived` (410), `deleted` (404), or where posting is refused (403). */
  channel?: 'active' | 'archived' | 'deleted' | 'general-restricted' | 'prohibited';
}

/** A request the fake refused, with the status and code it answered. */
export interface SlackRefusal {
  body: unknown;
  at: number;
  status: number;
  code: string;
}

/** A scripted answer: a status, its plain-text body, headers (`Retry-After`). */
export interface SlackScriptedAnswer {
  status: number;
  text: string;
  headers?: Record<string, string>;
}

/** A running fake. */
export interface FakeSlack {
  /** The webhook URL: `<origin>/services/<team>/<bot>/<token>`. */
  url: string;
  /** The secret last path segment of `url`. */
  token: string;
  received: AcceptedMessage[];
  rejected: SlackRefusal[];
  /** Makes the next `times` requests to the hook get this answer instead of being processed. */
  answerNext(answer: SlackScriptedAnswer, times?: number): void;
  /** Forgets what was received and refused, scripted answers and the rate. */
  reset(): void;
  close(): Promise<void>;
}

const CHANNEL_CODES: Record<string, string> = {
  archived: 'channel_is_archived',
  deleted: 'channel_not_found',
  'general-restricted': 'posting_to_general_channel_denied',
  prohibited: 'action_prohibited',
};

/** The error code for a badly shaped message, or undefined when Slack would post it. */
export function checkSlackShape(body: unknown): string | undefined {
  if (!isObject(body)) return 'invalid_payload';
  const { text, blocks, attachments, mrkdwn } = body;
  if (text !== undefined && typeof text !== 'string') return 'invalid_payload';
  if (mrkdwn !== undefined && typeof mrkdwn !== 'boolean') return 'invalid_payload';
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) return 'invalid_blocks_format';
    const valid = blocks.every((block) => isObject(block) && isText(block.type));
    if (!valid || blocks.length > SLACK_LIMITS.blocks) return 'invalid_blocks';
  }
  if (attachments !== undefined) {
    if (!Array.isArray(attachments)) return 'invalid_payload';
    if (attachments.length > SLACK_LIMITS.attachments) return 'too_many_attachments';
  }
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  return isText(text) || hasBlocks || Array.isArray(attachments) ? undefined : 'no_text';
}

function randomId(prefix: string): string {
  return `${prefix}${crypto.randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}

/**
 * Starts the fake on 127.0.0.1:0.
 *
 * @example
 * const slack = await startFakeSlack({ clock });
 * // give slack.url to the connector; inspect slack.received; await slack.close();
 */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const clock = options.clock ?? realFakeClock;
  const path = `/services/${randomId('T')}/${randomId('B')}/`;
  const token = crypto.randomUUID().replace(/-/g, '').slice(0, 24);
  const received: AcceptedMessage[] = [];
  const rejected: SlackRefusal[] = [];
  const script: SlackScriptedAnswer[] = [];
  let answered: number[] = [];

  function handle(request: FakeRequest): FakeAnswer {
    const at = clock.now();
    const body = parseJsonBody(request.body);
    const refuse = (code: string, status = SLACK_ERROR_STATUS[code]!, headers?: Record<string, string>) => {
      rejected.push({ body, at, status, code });
      return { status, text: code, headers };
    };
    if (request.method !== 'POST') return { status: 405, text: 'method not allowed' };
    if (!request.url.pathname.startsWith(path)) return refuse('no_service');
    if (request.url.pathname.slice(path.length) !== token) return refuse('invalid_token');
    const scripted = script.shift();
    if (scripted) return refuse(scripted.text, scripted.status, scripted.headers);
    if (countInWindow(answered, at, SLACK_RATE.windowMs) >= SLACK_RATE.limit) {
      return refuse('rate_limited', 429, { 'retry-after': String(SLACK_RATE.windowMs / 1000) });
    }
    answered.push(at);
    const json = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
    const problem = json ? checkSlackShape(body) : 'invalid_payload';
    if (problem) return refuse(problem);
    const channel = CHANNEL_CODES[options.channel ?? 'active'];
    if (channel) return refuse(channel);
    received.push({ body, at });
    return { text: 'ok' };
  }

  const server = await startFakeHttpServer(handle);
  return {
    url: `${server.origin}${path}${token}`,
    token,
    received,
    rejected,
    answerNext(answer, times = 1) {
      for (let index = 0; index < times; index += 1) script.push(answer);
    },
    reset() {
      received.length = 0;
      rejected.length = 0;
      script.length = 0;
      answered = [];
    },
    close: () => server.close(),
  };
}
