/**
 * @module Tests of target types in the UI language: title, description and fields (a list's items too) from
 * the type's translation, English where it has none.
 */
import { describe, expect, it } from 'vitest';
import type { TargetTypeManifest } from '../api/rules.js';
import { localizeTargetTypes } from './target-texts.js';

const messagePush: TargetTypeManifest = {
  type: 'message-push',
  title: 'Message push',
  description: 'Notifies receivers.',
  i18n: {
    'zh-CN': {
      title: '消息推送',
      fields: { receivers: { title: '接收人' }, 'receivers[]': { title: '接收人' }, 'receivers.name': { title: '名称' } },
    },
  },
  config: {
    type: 'object',
    properties: {
      receivers: {
        type: 'array',
        title: 'Receivers',
        items: { type: 'object', title: 'Receiver', properties: { name: { title: 'Name' }, channels: { title: 'Channels' } } },
      },
      timeZone: { type: 'string', title: 'Time zone' },
    },
  },
  batching: false,
  secrets: [],
  expressions: [],
  probed: false,
};

describe('localizeTargetTypes', () => {
  it('puts the language texts on the type and its fields, and keeps English where there are none', () => {
    const [chinese] = localizeTargetTypes([messagePush], 'zh-CN');
    expect(chinese!.title).toBe('消息推送');
    expect(chinese!.description).toBe('Notifies receivers.');
    const receivers = chinese!.config.properties!.receivers!;
    expect([receivers.title, receivers.items!.title, receivers.items!.properties!.name!.title]).toEqual(['接收人', '接收人', '名称']);
    expect(receivers.items!.properties!.channels!.title).toBe('Channels');
    expect(chinese!.config.properties!.timeZone!.title).toBe('Time zone');
    expect(localizeTargetTypes([messagePush], 'en')[0]).toBe(messagePush);
  });
});
