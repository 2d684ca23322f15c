/**
 * @module The CloudEvents type system's value rules: names, strings, integers, timestamps, Base64.
 */

/** Attribute names: lower-case ASCII letters and digits (spec.md "Naming Conventions"). */
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
const MILLISECONDS_TEXT = /^\d{1,16}$/;
/** The largest time a JavaScript Date can hold, in milliseconds since the epoch. */
const MAX_EPOCH_MS = 8.64e15;

export const INTEGER_MIN = -2147483648;
export const INTEGER_MAX = 2147483647;

/**
 * Why a name is not a valid attribute name, or undefined when it is. Names longer than 20 characters are
 * accepted: the spec says they SHOULD NOT exceed 20, which is advice to producers, not a MUST.
 */
export function nameProblem(name: string): string | undefined {
  if (name === 'data') return 'the name "data" is reserved';
  if (!ATTRIBUTE_NAME.test(name)) return 'names must be lower-case letters a-z and digits 0-9 only';
  return undefined;
}

/**
 * Why a string is not a CloudEvents String, or undefined when it is: control characters U+0000-U+001F and
 * U+007F-U+009F, Unicode noncharacters and unpaired surrogates are disallowed.
 */
export function stringProblem(value: string): string | undefined {
  const control = CONTROL_CHARACTER.exec(value);
  if (control) return `contains the control character ${codePointName(control[0].charCodeAt(0))}`;
  for (let at = 0; at < value.length; at += 1) {
    const unit = value.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(at + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return `contains an unpaired surrogate ${codePointName(unit)}`;
      const codePoint = value.codePointAt(at) as number;
      if (isNoncharacter(codePoint)) return `contains the noncharacter ${codePointName(codePoint)}`;
      at += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return `contains an unpaired surrogate ${codePointName(unit)}`;
    } else if (isNoncharacter(unit)) {
      return `contains the noncharacter ${codePointName(unit)}`;
    }
  }
  return undefined;
}

function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A whole number in the signed 32-bit range that the CloudEvents Integer type allows. */
export function isCloudEventsInteger(value: number): boolean {
  return Number.isInteger(value) && value >= INTEGER_MIN && value <= INTEGER_MAX;
}

/** Padded standard-alphabet Base64 (RFC 4648 section 4), no whitespace. */
export function isBase64(value: string): boolean {
  return BASE64.test(value);
}

/** An RFC 3339 `date-time` whose fields are in range (a leap second `:60` is allowed). */
export function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = [1, 2, 3, 4, 5, 6, 9, 10].map(
    (group) => Number(match[group] ?? 0),
  ) as [number, number, number, number, number, number, number, number];
  const dateOk = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  const clockOk = hour <= 23 && minute <= 59 && second <= 60;
  return dateOk && clockOk && offsetHour <= 23 && offsetMinute <= 59;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Reads a `time` value: an RFC 3339 string stays as it is; the vendor's millisecond epoch, as a JSON
 * number or a string of digits, becomes a number. Undefined when it is neither.
 */
export function readTime(value: unknown): string | number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= MAX_EPOCH_MS ? value : undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (MILLISECONDS_TEXT.test(value)) {
    const milliseconds = Number(value);
    return milliseconds <= MAX_EPOCH_MS ? milliseconds : undefined;
  }
  return isRfc3339(value) ? value : undefined;
}

/** A short description of a value for messages: `"0.3"`, `number 1234`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
