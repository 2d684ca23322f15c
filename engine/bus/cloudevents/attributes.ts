/**
 * @module Checks one context attribute's value against its type: core attributes and extensions.
 */
import { parseMediaType } from './media-type.js';
import {
  describeValue,
  INTEGER_MAX,
  INTEGER_MIN,
  isCloudEventsInteger,
  nameProblem,
  readTime,
  stringProblem,
} from './value-rules.js';

/**
 * Which rules apply: `cloudevents` for the CloudEvents content types; `vendor` for the vendor's own
 * shapes (PutEvents, a plain JSON event), which may carry any specversion string and JSON-valued extensions.
 */
export type Flavour = 'cloudevents' | 'vendor';

/** The checked value (possibly normalised), or what is wrong with it. */
export type AttributeCheck = { ok: true; value: unknown } | { ok: false; message: string };

/** The attributes every event must have. */
export const REQUIRED_ATTRIBUTES = ['id', 'source', 'specversion', 'type'] as const;

const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Checks an attribute that is set (not null). `time` is normalised (see `readTime`); a vendor
 * specversion becomes `1.0`.
 *
 * @example
 * checkAttribute('specversion', '0.3', 'cloudevents');
 * // { ok: false, message: 'attribute "specversion" must be "1.0", got "0.3"' }
 */
export function checkAttribute(name: string, value: unknown, flavour: Flavour): AttributeCheck {
  const badName = attributeNameProblem(name);
  if (badName) return fail(badName);
  switch (name) {
    case 'specversion':
      return checkSpecversion(value, flavour);
    case 'id':
    case 'source':
    case 'type':
    case 'subject':
      return checkNonEmptyString(name, value);
    case 'time': {
      const time = readTime(value);
      if (time !== undefined) return { ok: true, value: time };
      return fail(`attribute "time" must be RFC 3339 or epoch milliseconds, got ${describeValue(value)}`);
    }
    case 'datacontenttype':
      return checkMediaType(value);
    case 'dataschema':
      return checkUri(value);
    default:
      return checkExtension(name, value, flavour);
  }
}

/** Why a name cannot be an attribute's, as a message; undefined when it can. */
export function attributeNameProblem(name: string): string | undefined {
  const problem = nameProblem(name);
  return problem && `attribute name ${JSON.stringify(name)} is not allowed: ${problem}`;
}

function checkSpecversion(value: unknown, flavour: Flavour): AttributeCheck {
  const text = checkNonEmptyString('specversion', value);
  if (!text.ok) return text;
  // The vendor's samples carry "1.0.2" and even "0"; the bus keeps every event as 1.0.
  if (flavour === 'vendor') return { ok: true, value: '1.0' };
  return value === '1.0' ? text : fail(`attribute "specversion" must be "1.0", got ${describeValue(value)}`);
}

function checkNonEmptyString(name: string, value: unknown): AttributeCheck {
  if (typeof value !== 'string') {
    return fail(`attribute "${name}" must be a string, got ${describeValue(value)}`);
  }
  if (value === '') return fail(`attribute "${name}" must not be empty`);
  const problem = stringProblem(value);
  if (problem) return fail(`attribute "${name}" ${problem}`);
  return { ok: true, value };
}

function checkMediaType(value: unknown): AttributeCheck {
  const text = checkNonEmptyString('datacontenttype', value);
  if (text.ok && !parseMediaType(value as string)) {
    return fail(`attribute "datacontenttype" must be a type/subtype media type, got ${describeValue(value)}`);
  }
  return text;
}

function checkUri(value: unknown): AttributeCheck {
  const text = checkNonEmptyString('dataschema', value);
  if (text.ok && !URI_SCHEME.test(value as string)) {
    return fail(`attribute "dataschema" must be an absolute URI, got ${describeValue(value)}`);
  }
  return text;
}

function checkExtension(name: string, value: unknown, flavour: Flavour): AttributeCheck {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    return problem ? fail(`attribute "${name}" ${problem}`) : { ok: true, value };
  }
  if (flavour === 'vendor') return { ok: true, value };
  if (typeof value === 'number') {
    if (isCloudEventsInteger(value)) return { ok: true, value };
    const range = `${INTEGER_MIN} to ${INTEGER_MAX}`;
    return fail(`attribute "${name}" must be an Integer from ${range}, got ${describeValue(value)}`);
  }
  return fail(`attribute "${name}" must be a string, boolean or integer, got ${describeValue(value)}`);
}

function fail(message: string): AttributeCheck {
  return { ok: false, message };
}
