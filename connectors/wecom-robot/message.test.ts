import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { flowbusErrorOf } from '../shared/test-support.js';
import { WECOM_LIMITS, buildWecomMessage } from './message.js';
import type { WecomRobotConfig } from './message.js';

// The 8-byte PNG signature plus a few bytes: enough for the type check.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG = Buffer.concat([PNG_SIGNATURE, Buffer.from('pixels')]);

const build = (config: Partial<WecomRobotConfig>) =>
  buildWecomMessage({ connection: 'ops', ...config }, 'ops');

describe('buildWecomMessage', () => {
  it('builds the vendor shapes', () => {
    expect(build({ msgType: 'markdown', content: '**hi**' }).body).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**hi**' },
    });
    const text = build({
      msgType: 'text',
      content: 'hi',
      mentionedList: ['wang', '@all'],
      mentionedMobileList: '13800001111' as never,
    });
    expect(text.body).toEqual({
      msgtype: 'text',
      text: { content: 'hi', mentioned_list: ['wang', '@all'], mentioned_mobile_list: ['13800001111'] },
    });
    const article = { title: 'T', url: 'https://example.com', picurl: 'https://example.com/p.png' };
    expect(build({ msgType: 'news', articles: [article] }).body).toEqual({
      msgtype: 'news',
      news: { articles: [article] },
    });
  });

  it('defaults to markdown', () => {
    expect(build({ content: 'x' }).body.msgtype).toBe('markdown');
  });

  it('computes the md5 of the image bytes when it is left out, and keeps a given one', () => {
    const base64 = PNG.toString('base64');
    const md5 = createHash('md5').update(PNG).digest('hex');
    expect(build({ msgType: 'image', image: { base64 } }).body).toEqual({
      msgtype: 'image',
      image: { base64, md5 },
    });
    expect(build({ msgType: 'image', image: { base64, md5: 'given' } }).body).toEqual({
      msgtype: 'image',
      image: { base64, md5: 'given' },
    });
  });

  it.each([
    { name: 'unknown msgType', config: { msgType: 'file', content: 'x' }, field: 'msgType' },
    { name: 'missing content', config: { msgType: 'text' }, field: 'content' },
    { name: 'blank content', config: { msgType: 'markdown', content: '  ' }, field: 'content' },
    { name: 'content not a string', config: { msgType: 'markdown', content: 42 }, field: 'content' },
    {
      name: 'mentions on markdown',
      config: { msgType: 'markdown', content: 'x', mentionedList: ['a'] },
      field: 'mentionedList',
    },
    {
      name: 'mentions not strings',
      config: { msgType: 'text', content: 'x', mentionedList: [1] },
      field: 'mentionedList',
    },
    { name: 'no image', config: { msgType: 'image' }, field: 'image' },
    {
      name: 'image not base64',
      config: { msgType: 'image', image: { base64: 'not base64!' } },
      field: 'image.base64',
    },
    {
      name: 'image not PNG/JPEG',
      config: { msgType: 'image', image: { base64: Buffer.from('GIF89a').toString('base64') } },
      field: 'image.base64',
    },
    { name: 'no articles', config: { msgType: 'news', articles: [] }, field: 'articles' },
    {
      name: 'nine articles',
      config: { msgType: 'news', articles: Array(9).fill({ title: 'T', url: 'u' }) },
      field: 'articles',
    },
    {
      name: 'article without url',
      config: { msgType: 'news', articles: [{ title: 'T' }] },
      field: 'articles[0].url',
    },
  ])('rejects $name with VALIDATION on $field', ({ config, field }) => {
    const error = flowbusErrorOf(() => build(config as Partial<WecomRobotConfig>));
    expect(error.type).toBe('VALIDATION');
    expect(error.details?.field).toBe(field);
  });

  it.each([
    { msgType: 'text' as const, limit: WECOM_LIMITS.text },
    { msgType: 'markdown' as const, limit: WECOM_LIMITS.markdown },
  ])('refuses $msgType content over $limit bytes with WECOM:TOO_LARGE', ({ msgType, limit }) => {
    expect(build({ msgType, content: 'a'.repeat(limit) }).truncatedFrom).toBeUndefined();
    const error = flowbusErrorOf(() => build({ msgType, content: '告'.repeat(limit / 3 + 1) }));
    expect(error.type).toBe('WECOM:TOO_LARGE');
    const expected = `^sending to WeCom robot "ops": ${msgType} content is \\d+ bytes, `;
    expect(error.message).toMatch(new RegExp(`${expected}over the robot's limit of ${limit}`));
    expect(error.details).toMatchObject({ connection: 'ops', limit });
  });

  it('cuts oversize content at a character boundary when truncate is on', () => {
    const content = '告'.repeat(2000);
    const message = build({ msgType: 'markdown', content, truncate: true });
    const sent = (message.body.markdown as { content: string }).content;
    expect(Buffer.byteLength(sent)).toBe(4095);
    expect(content.startsWith(sent)).toBe(true);
    expect(message.truncatedFrom).toBe(6000);
  });

  it('refuses an image over 2 MB with WECOM:TOO_LARGE', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(WECOM_LIMITS.imageBytes)]);
    const error = flowbusErrorOf(() => build({ msgType: 'image', image: { base64: big.toString('base64') } }));
    expect(error.type).toBe('WECOM:TOO_LARGE');
  });
});
