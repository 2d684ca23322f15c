import { describe, expect, it } from 'vitest';
import { flowbusErrorOf } from '../shared/test-support.js';
import { FEISHU_BODY_LIMIT, buildFeishuMessage, feishuBodySize } from './message.js';
import type { FeishuPostTag, FeishuRobotConfig } from './message.js';

const build = (config: Partial<FeishuRobotConfig>, signed = false) =>
  buildFeishuMessage({ connection: 'ops', ...config }, 'ops', signed);

describe('buildFeishuMessage', () => {
  it('builds text, post (as zh_cn) and interactive card messages', () => {
    expect(build({ msgType: 'text', content: 'hi' }).message).toEqual({
      msg_type: 'text',
      content: { text: 'hi' },
    });
    const rows: FeishuPostTag[][] = [
      [
        { tag: 'text', text: 'see ' },
        { tag: 'a', text: 'here', href: 'https://example.com' },
      ],
    ];
    expect(build({ msgType: 'post', post: { title: 'T', content: rows } }).message).toEqual({
      msg_type: 'post',
      content: { post: { zh_cn: { title: 'T', content: rows } } },
    });
    expect(build({ msgType: 'interactive', markdown: '**x**', title: 'Alarm' }).message).toEqual({
      msg_type: 'interactive',
      card: {
        header: { title: { tag: 'plain_text', content: 'Alarm' } },
        elements: [{ tag: 'markdown', content: '**x**' }],
      },
    });
    expect(build({ markdown: 'default' }).message).toEqual({
      msg_type: 'interactive',
      card: { elements: [{ tag: 'markdown', content: 'default' }] },
    });
  });

  it.each([
    { name: 'an unknown msgType', config: { msgType: 'image' }, field: 'msgType' },
    { name: 'text without content', config: { msgType: 'text' }, field: 'content' },
    { name: 'a card without markdown', config: { msgType: 'interactive', title: 'x' }, field: 'markdown' },
    { name: 'a post without rows', config: { msgType: 'post', post: { title: 'x' } }, field: 'post' },
    {
      name: 'a post row that is not a list',
      config: { msgType: 'post', post: { content: ['x'] } },
      field: 'post.content[0]',
    },
    {
      name: 'an unknown tag',
      config: { msgType: 'post', post: { content: [[{ tag: 'video' }]] } },
      field: 'post.content[0][0]',
    },
    {
      name: 'a link without href',
      config: { msgType: 'post', post: { content: [[{ tag: 'a', text: 'x' }]] } },
      field: 'post.content[0][0].href',
    },
  ])('refuses $name with VALIDATION', ({ config, field }) => {
    const error = flowbusErrorOf(() => build(config as Partial<FeishuRobotConfig>));
    expect(error.type).toBe('VALIDATION');
    expect(error.details?.field).toBe(field);
  });

  it('refuses a body over 20 KB with FEISHU:TOO_LARGE, counting the signature fields', () => {
    const envelope = feishuBodySize({ msg_type: 'text', content: { text: '' } }, false);
    const fits = 'a'.repeat(FEISHU_BODY_LIMIT - envelope);
    expect(build({ msgType: 'text', content: fits }).truncatedFrom).toBeUndefined();
    const error = flowbusErrorOf(() => build({ msgType: 'text', content: fits }, true));
    expect(error.type).toBe('FEISHU:TOO_LARGE');
    expect(error.message).toMatch(
      /^sending to Feishu robot "ops": the request body is \d+ bytes, over the limit of 20480/,
    );
  });

  it.each([
    { name: 'plain text', content: 'a'.repeat(30_000) },
    { name: 'Chinese with line breaks and quotes', content: '告警"\n'.repeat(5_000) },
  ])('cuts $name to fit 20 KB when truncate is on', ({ content }) => {
    const { message, truncatedFrom } = build({ msgType: 'text', content, truncate: true }, true);
    expect(feishuBodySize(message, true)).toBeLessThanOrEqual(FEISHU_BODY_LIMIT);
    expect(feishuBodySize(message, true)).toBeGreaterThan(FEISHU_BODY_LIMIT - 16);
    expect(content.startsWith((message.content as { text: string }).text)).toBe(true);
    expect(truncatedFrom).toBe(Buffer.byteLength(content));
  });

  it('cannot truncate a post', () => {
    const rows: FeishuPostTag[][] = [[{ tag: 'text', text: 'x'.repeat(30_000) }]];
    const error = flowbusErrorOf(() => build({ msgType: 'post', post: { content: rows }, truncate: true }));
    expect(error.type).toBe('FEISHU:TOO_LARGE');
  });
});
