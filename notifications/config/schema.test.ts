/**
 * @module Tests of the config schema as rule validation applies it: a full config passes, and each bad
 * setting is reported at its JSON pointer.
 */
import { describe, expect, it } from 'vitest';
import { builtinTargetTypes, createTargetRegistry, validateRule } from '../../engine/sdk.js';
import { createMessagePushTarget } from '../index.js';

const targets = createTargetRegistry([...builtinTargetTypes, createMessagePushTarget({ steps: [] })]);

const goodConfig = {
  receivers: [
    {
      name: 'ops',
      channels: ['email', 'wecom', 'dingtalk', 'feishu'],
      email: { connection: 'smtp', to: ['ops@example.com'], cc: ['lead@example.com'] },
      wecom: { connection: 'ops-wecom' },
      dingtalk: { connection: 'ops-dingtalk' },
      feishu: { connection: 'ops-feishu' },
      timeWindow: { from: '22:00:00', to: '06:00:00', outside: 'drop' },
    },
    {
      channels: ['webhook'],
      webhook: { url: 'https://ops.example.com/alarm', connection: 'cb', timeoutMs: 3000 },
    },
  ],
  timeWindow: { from: '09:30:00', to: '23:30:00', outside: 'hold' },
  timeZone: 'Asia/Shanghai',
  template: { subject: '{{ product }}', text: 't', html: '<p>h</p>', markdown: 'm' },
};

function validate(config: unknown) {
  const rule = {
    format: 'flowbus/rule@1',
    name: 'push',
    pattern: { source: ['cvm.cloud.tencent'] },
    targets: [{ id: 'notify', type: 'message-push', config }],
  };
  return validateRule(rule, { id: 'push', targets });
}

describe('the message-push config in a rule file', () => {
  it('accepts every setting', () => {
    const { issues, rule } = validate(goodConfig);
    expect(issues).toEqual([]);
    expect(rule?.targets[0]).toMatchObject({ type: 'message-push', retry: { maxAttempts: 4 } });
  });

  const receiver = (extra: Record<string, unknown>) => ({
    receivers: [{ channels: ['email'], email: { connection: 'smtp', to: ['ops@example.com'] }, ...extra }],
  });

  const at = (rest: string) => `/targets/0/config${rest}`;
  const BAD = 'invalid-value';
  const webhook = (url: string) => ({ receivers: [{ channels: ['webhook'], webhook: { url } }] });
  const window = (timeWindow: Record<string, unknown>) => ({ ...receiver({}), timeWindow });

  it.each([
    ['no config', undefined, at(''), 'missing-field'],
    ['no receivers', {}, at('/receivers'), 'missing-field'],
    ['an empty receiver list', { receivers: [] }, at('/receivers'), 'invalid-value'],
    ['an unknown channel', receiver({ channels: ['sms'] }), at('/receivers/0/channels/0'), 'invalid-value'],
    [
      'a channel without its settings',
      { receivers: [{ channels: ['email', 'feishu'], email: { connection: 's', to: ['a@b.c'] } }] },
      at('/receivers/0/feishu'),
      'missing-field',
    ],
    [
      'e-mail without recipients',
      { receivers: [{ channels: ['email'], email: { connection: 's' } }] },
      at('/receivers/0/email/to'),
      'missing-field',
    ],
    ['a time without seconds', window({ from: '09:30', to: '23:30:00' }), at('/timeWindow/from'), BAD],
    [
      'an hour past 23',
      receiver({ timeWindow: { from: '09:30:00', to: '24:00:00' } }),
      at('/receivers/0/timeWindow/to'),
      'invalid-value',
    ],
    [
      'an unknown outside policy',
      window({ ...goodConfig.timeWindow, outside: 'later' }),
      at('/timeWindow/outside'),
      'invalid-value',
    ],
    ['a webhook that is not http', webhook('ftp://x'), at('/receivers/0/webhook/url'), 'invalid-value'],
    ['a misspelt field', { ...receiver({}), timezone: 'UTC' }, at('/timezone'), 'unknown-field'],
    ['a zone with spaces', { ...receiver({}), timeZone: 'Asia / Shanghai' }, at('/timeZone'), BAD],
    // Regression (issue 16): a zone of the right shape that no runtime knows was found only at delivery.
    ['a zone no runtime knows', { ...receiver({}), timeZone: 'Europe/Atlantis' }, at('/timeZone'), 'unknown-time-zone'],
    [
      'a template hole that does not compile',
      { ...receiver({}), template: { markdown: 'at {{ time ( }}' } },
      at('/template/markdown'),
      'expression-syntax',
    ],
  ])('reports %s at its pointer', (_name, config, pointer, code) => {
    const { issues, rule } = validate(config);
    expect(rule).toBeUndefined();
    expect(issues).toContainEqual(expect.objectContaining({ pointer, code }));
  });
});
