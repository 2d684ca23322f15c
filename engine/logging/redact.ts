/**
 * @module Secret redaction: replaces every known secret value in log lines, stored execution records, and
 * the error messages and details that quote a vendor's or a socket's words (connectors, through the SDK).
 */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Shorter values are not redacted: replacing every `1` or `ab` would garble logs without hiding anything. */
export const MIN_SECRET_LENGTH = 4;

/** Replaces known secret values wherever they occur inside strings. */
export interface Redactor {
  /** Replaces the set of secrets (all current connection secrets). */
  setSecrets(values: Iterable<string>): void;
  /** True when at least one secret is known. */
  readonly active: boolean;
  /** `text` with every secret (raw, JSON-escaped or URL-encoded) replaced by {@link REDACTED}. */
  redactText(text: string): string;
  /** A copy of `value` with secrets replaced inside every string; the value itself when nothing matched. */
  redactValue<T>(value: T): T;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The ways a secret is written in text: as is; escaped inside a JSON line (quotes, backslashes, control
 * characters); URL-encoded in a URL or a query string (`%2B`), or form-encoded (a space as `+`).
 */
function secretForms(secret: string): string[] {
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), form];
}

function buildPattern(secrets: Iterable<string>): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    for (const written of secretForms(secret)) forms.add(written);
  }
  if (forms.size === 0) return undefined;
  // Longest first, so that a secret containing another is replaced whole.
  const sorted = [...forms].sort((left, right) => right.length - left.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
}

/**
 * `text` with each of `secrets` replaced by {@link REDACTED}, in any of the forms a redactor knows; for a
 * message that quotes what a vendor answered to a request made with these secrets.
 *
 * @example
 * redact('bad key abc123', ['abc123']); // 'bad key [redacted]'
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const pattern = buildPattern(secrets);
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/** A long path segment of a webhook URL is its token; short ones are words (`send`, `hook`, `v2`). */
const TOKEN_SEGMENT_LENGTH = 16;

/**
 * The secret parts of a webhook URL, for {@link redact}: the URL, each query value (decoded, and as written),
 * and a long last path segment (a token, decoded and as written).
 *
 * @example
 * webhookSecrets(new URL('https://oapi.dingtalk.com/robot/send?access_token=abc123456789'));
 * // ['https://oapi.dingtalk.com/robot/send?access_token=abc123456789', 'abc123456789']
 */
export function webhookSecrets(webhook: URL): string[] {
  const written = webhook.search
    .slice(1)
    .split('&')
    .map((pair) => pair.slice(pair.indexOf('=') + 1));
  const segment = webhook.pathname.split('/').pop() ?? '';
  const token = segment.length >= TOKEN_SEGMENT_LENGTH ? [segment, decoded(segment)] : [];
  const secrets = [webhook.href, ...webhook.searchParams.values(), ...written, ...token];
  return [...new Set(secrets.filter((secret) => secret.length > 0))];
}

function decoded(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/**
 * Creates a redactor; the server feeds it every decrypted connection secret.
 *
 * @example
 * const redactor = createRedactor();
 * redactor.setSecrets(['s3cr3t-token']);
 * redactor.redactText('token=s3cr3t-token'); // 'token=[redacted]'
 */
export function createRedactor(): Redactor {
  let pattern: RegExp | undefined;

  function redactText(text: string): string {
    if (!pattern) return text;
    pattern.lastIndex = 0;
    return text.replace(pattern, REDACTED);
  }

  /** `done` maps each object to its redacted copy, so an object shared by two places is redacted in both. */
  function redactDeep(value: unknown, done: Map<object, unknown>): unknown {
    if (typeof value === 'string') return redactText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (done.has(value)) return done.get(value);
    // While an object is being walked it maps to itself: a cycle back to it keeps the reference.
    done.set(value, value);
    let result: unknown = value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, index) => {
        const redacted = redactDeep(item, done);
        if (redacted !== item) (copy ??= [...value])[index] = redacted;
      });
      result = copy ?? value;
    } else if (isPlainRecord(value)) {
      let copy: Record<string, unknown> | undefined;
      for (const [key, item] of Object.entries(value)) {
        const redacted = redactDeep(item, done);
        if (redacted !== item) (copy ??= { ...value })[key] = redacted;
      }
      result = copy ?? value;
    }
    done.set(value, result);
    return result;
  }

  return {
    setSecrets(values) {
      pattern = buildPattern(values);
    },
    get active() {
      return pattern !== undefined;
    },
    redactText,
    redactValue: <T>(value: T) => (pattern ? (redactDeep(value, new Map()) as T) : value),
  };
}

function isPlainRecord(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
