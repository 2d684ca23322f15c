/**
 * @module Just enough MIME for the fake SMTP server: headers, RFC 2047 words, multipart, quoted-printable
 * and base64 bodies; enough to read what nodemailer sends.
 */

/** A parsed mail: lower-case header names, the text and HTML bodies found in its parts. */
export interface ParsedMail {
  headers: Record<string, string>;
  text?: string;
  html?: string;
}

function splitHead(raw: string): { head: string; body: string } {
  const end = raw.indexOf('\n\n');
  return end === -1 ? { head: raw, body: '' } : { head: raw.slice(0, end), body: raw.slice(end + 2) };
}

/** Header lines, unfolded; names in lower case. A repeated header keeps every value, joined by `, `. */
export function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

function decodeQuotedPrintableBytes(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  const source = text.replace(/=\n/g, '');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(index + 1, index + 3))) {
      bytes.push(parseInt(source.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (char === '_' && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`); the space between two words goes.
 *
 * @example
 * decodeWords('=?UTF-8?Q?caf=C3=A9?='); // 'café'
 */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_match, encoding: string, text: string) => {
      const base64 = encoding.toUpperCase() === 'B';
      return (base64 ? Buffer.from(text, 'base64') : decodeQuotedPrintableBytes(text, true)).toString('utf8');
    });
}

function parameter(headerValue: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(headerValue);
  return match?.[1];
}

function decodeBody(body: string, transferEncoding: string | undefined): string {
  const encoding = (transferEncoding ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintableBytes(body, false).toString('utf8');
  return body;
}

function collectBodies(headers: Record<string, string>, body: string, into: ParsedMail): void {
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = parameter(contentType, 'boundary');
  if (/^multipart\//i.test(contentType) && boundary) {
    const sections = `\n${body}`.split(`\n--${boundary}`);
    // sections[0] is the preamble; the part after the closing delimiter starts with "--".
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      const part = splitHead(section.replace(/^[ \t]*\n/, ''));
      collectBodies(parseHeaders(part.head), part.body, into);
    }
    return;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']);
  if (/^text\/html/i.test(contentType)) into.html ??= decoded;
  else if (/^text\/plain/i.test(contentType)) into.text ??= decoded;
}

/** Parses a raw message (CRLF or LF line ends). */
export function parseMail(raw: string): ParsedMail {
  const { head, body } = splitHead(raw.replace(/\r\n/g, '\n'));
  const headers = parseHeaders(head);
  const mail: ParsedMail = { headers };
  // The line break before the SMTP end-of-data dot belongs to the protocol, not to the body.
  collectBodies(headers, body.replace(/\n$/, ''), mail);
  return mail;
}
