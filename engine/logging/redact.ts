/**
 * @module Secret redaction: replaces every known secret value in log lines and stored execution records.
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
  /** `text` with every secret (raw or JSON-escaped) replaced by {@link REDACTED}. */
  redactText(text: string): string;
  /** A copy of `value` with secrets replaced inside every string; the value itself when nothing matched. */
  redactValue<T>(value: T): T;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildPattern(secrets: Iterable<string>): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    // Inside a JSON line a secret with quotes, backslashes or control characters appears escaped.
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  if (forms.size === 0) return undefined;
  // Longest first, so that a secret containing another is replaced whole.
  const sorted = [...forms].sort((left, right) => right.length - left.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
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
