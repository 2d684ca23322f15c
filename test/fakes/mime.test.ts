import { describe, expect, it } from 'vitest';
import { decodeWords, parseHeaders, parseMail } from './mime.js';

describe('mime', () => {
  it.each([
    { encoded: '=?UTF-8?Q?caf=C3=A9_ok?=', decoded: 'café ok' },
    { encoded: '=?UTF-8?B?5ZGK6K2m?=', decoded: '告警' },
    { encoded: '=?UTF-8?B?5ZGK?= =?UTF-8?B?6K2m?= now', decoded: '告警 now' },
    { encoded: 'plain', decoded: 'plain' },
  ])('decodes $encoded', ({ encoded, decoded }) => {
    expect(decodeWords(encoded)).toBe(decoded);
  });

  it('unfolds headers and lower-cases their names', () => {
    expect(parseHeaders('Subject: a\n  b\nTo: x@example.com')).toEqual({
      subject: 'a b',
      to: 'x@example.com',
    });
  });

  it('finds text and html in a multipart message with quoted-printable and base64 parts', () => {
    const raw = [
      'Content-Type: multipart/alternative; boundary="--b1"',
      '',
      '----b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'caf=C3=A9 is a long line that is soft=',
      ' broken',
      '----b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>告警</p>').toString('base64'),
      '----b1--',
      '',
    ].join('\r\n');
    expect(parseMail(raw)).toMatchObject({
      text: 'café is a long line that is soft broken',
      html: '<p>告警</p>',
    });
  });
});
