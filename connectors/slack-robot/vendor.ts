/**
 * @module What is particular to Slack incoming webhooks: connection type, rate limit, and what an answer
 * means — HTTP 200 with the plain text `ok` is success, an error is a status with a plain-text code.
 */
import { webhookConnectionType } from '../shared/config.js';
import {
  rateLimitedRefusal,
  type ResultMeaning,
  type RobotRefusal,
  type RobotVendor,
} from '../shared/robot-vendor.js';

/** Step type and connection type id. */
export const SLACK_ROBOT_TYPE = 'slack-robot';

/** A Slack incoming-webhook connection: the webhook URL, whose last path segment is the secret. */
export const slackRobotConnection = webhookConnectionType({
  type: SLACK_ROBOT_TYPE,
  title: 'Slack incoming webhook',
  description: 'A Slack app incoming webhook, bound to one channel. Its URL is the secret: it lets anyone post.',
  webhookExample: 'https://hooks.slack.com/services/T.../B.../...',
});

/**
 * The error codes Slack answers to incoming webhooks, by the error name they raise. A refused request or
 * channel is not retryable: sending the same message again gets the same answer.
 */
export const SLACK_CODES: Readonly<Record<string, ResultMeaning>> = {
  invalid_payload: { name: 'INVALID_PAYLOAD', words: 'the message is not valid JSON Slack understands' },
  invalid_blocks: { name: 'INVALID_PAYLOAD', words: 'a block is not valid Block Kit' },
  invalid_blocks_format: { name: 'INVALID_PAYLOAD', words: 'the blocks are not a list' },
  no_text: { name: 'INVALID_PAYLOAD', words: 'the message has no text' },
  too_many_attachments: { name: 'TOO_LARGE', words: 'more than 100 attachments' },
  invalid_token: { name: 'INVALID_WEBHOOK', words: 'invalid webhook token' },
  no_service: { name: 'INVALID_WEBHOOK', words: 'the webhook is disabled, removed or invalid' },
  channel_not_found: { name: 'CHANNEL_UNAVAILABLE', words: 'the channel does not exist' },
  channel_is_archived: { name: 'CHANNEL_UNAVAILABLE', words: 'the channel is archived' },
  action_prohibited: { name: 'NOT_ALLOWED', words: 'an admin restriction forbids this post' },
  posting_to_general_channel_denied: { name: 'NOT_ALLOWED', words: 'only admins may post to this channel' },
};

/** An answer body that is one of Slack's error codes: a lower-case word with underscores. */
const CODE = /^[a-z][a-z0-9_]*$/;

/** Statuses worth another attempt: a timeout or Slack's own failure. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status >= 500;
}

/** The refusal an answer other than `ok` means: one of {@link SLACK_CODES}, Slack's failure, or another. */
function refusal(answer: { status: number; text: string }, quote: (text: string) => string): RobotRefusal {
  const { status } = answer;
  const text = answer.text.trim();
  const known = SLACK_CODES[text];
  if (known) {
    const details = { status, answer: text, retryable: false };
    return { ok: false, name: known.name, words: `HTTP ${status} ${text} (${known.words})`, details };
  }
  const said = quote(text);
  if (isRetryableStatus(status)) {
    const words = `answered HTTP ${status}${said ? `: ${said}` : ''}`;
    return { ok: false, name: 'HTTP_STATUS', words, details: { status, answer: said, retryable: true } };
  }
  if (status === 200 || CODE.test(text)) {
    const words = status === 200 ? `answered HTTP 200 without ok: ${said}` : `HTTP ${status} ${said}`;
    return { ok: false, name: 'ERROR', words, details: { status, answer: said, retryable: false } };
  }
  // Not Slack's words (a proxy's page): the status says more than the body.
  const details = { status, answer: said, retryable: false };
  return { ok: false, name: 'HTTP_STATUS', words: `answered HTTP ${status}`, details };
}

/**
 * Slack: one message a second per webhook (short bursts tolerated); a 429 carries `Retry-After`, which the
 * send waits for before it tries again.
 */
export const slackVendor: RobotVendor = {
  namespace: 'SLACK',
  title: 'Slack robot',
  windows: [{ limit: 1, windowMs: 1_000 }],
  // Without a Retry-After: 33 s in all, well past the one-second window.
  backoffMs: [3_000, 10_000, 20_000],
  judge(answer, { quote }) {
    if (answer.status === 200 && answer.text.trim() === 'ok') return { ok: true };
    if (answer.status === 429) {
      const refusal = rateLimitedRefusal(answer, 'HTTP 429 (rate limited)');
      return { ...refusal, details: { ...refusal.details, retryable: true } };
    }
    return refusal(answer, quote);
  },
};
