/**
 * @module Media types (RFC 2045/2046): parsing a Content-Type and telling JSON and text content apart.
 */
import { parse as parseContentType } from 'content-type';

/** A parsed media type: `essence` is `type/subtype` in lower case; parameter names are lower case. */
export interface MediaType {
  essence: string;
  type: string;
  subtype: string;
  parameters: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses a Content-Type value (with the `content-type` package, which express uses too); undefined unless it
 * is `type/subtype` with optional `; name=value` parameters whose names are tokens. Quoted values are
 * unquoted; of a repeated parameter the first counts.
 *
 * @example
 * parseMediaType('Application/CloudEvents+JSON; Charset=UTF-8')?.essence; // 'application/cloudevents+json'
 */
export function parseMediaType(value: string): MediaType | undefined {
  const parsed = parseContentType(value);
  const [type = '', subtype = '', ...more] = parsed.type.split('/');
  if (more.length > 0 || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(parsed.parameters)) {
    if (!TOKEN.test(name)) return undefined;
    parameters[name] = parameter;
  }
  return { essence: `${type}/${subtype}`, type, subtype, parameters };
}

/** JSON content: a subtype `json` or one ending in `+json` (CloudEvents JSON format 3.1). */
export function isJsonMediaType(media: MediaType): boolean {
  return media.subtype === 'json' || media.subtype.endsWith('+json');
}

/** Text content that the bus keeps as a string: `text/*`, XML, form data. Anything else is kept as bytes. */
export function isTextMediaType(media: MediaType): boolean {
  return (
    media.type === 'text' ||
    media.subtype === 'xml' ||
    media.subtype.endsWith('+xml') ||
    media.essence === 'application/x-www-form-urlencoded'
  );
}

/** Whether a `datacontenttype` value (absent means `application/json`) declares JSON data. */
export function declaresJson(datacontenttype: string | undefined): boolean {
  if (datacontenttype === undefined) return true;
  const media = parseMediaType(datacontenttype);
  return media !== undefined && isJsonMediaType(media);
}
