/**
 * @module The message push target's texts in Simplified Chinese: title, docs and every config field.
 */
import type { FieldTextsByPath, TargetTypeTexts } from '../../engine/sdk.js';

/** The notification window's fields, under `prefix` (the target's own window or a receiver's). */
function windowTexts(prefix: string): FieldTextsByPath {
  return {
    [prefix]: {
      title: '通知时段',
      description: '每天从 `from` 到 `to`（含两端）；`to` 早于 `from` 表示跨越午夜；两者相同表示全天。',
    },
    [`${prefix}.from`]: { title: '开始时间' },
    [`${prefix}.to`]: { title: '结束时间' },
    [`${prefix}.outside`]: { title: '时段之外', description: '`hold`：等时段开始时再发送；`drop`：不发送。' },
  };
}

const robot = (channel: string, title: string): FieldTextsByPath => ({
  [`receivers.${channel}`]: { title },
  [`receivers.${channel}.connection`]: { title: '连接', description: `${title}连接配置的名称。` },
});

export const messagePushZhCn: TargetTypeTexts = {
  title: '消息推送',
  description: [
    '按事件通知接收人（即厂商的“消息推送”）：通过电子邮件、企业微信 / 钉钉 / 飞书机器人或 Webhook 回调，',
    '在每天的通知时段内发送。',
    '',
    '每个接收人列出其 `channels` 及各渠道的设置：`email`（SMTP 连接的 `connection`、`to`、`cc`），',
    '`wecom` / `dingtalk` / `feishu`（机器人连接的 `connection`），`webhook`（`url`，可选的 `http-auth`',
    '`connection`）。电子邮件和机器人与流程使用同样的连接器发送（签名、限流、“发送过快”时重试）。',
    'Webhook 收到的是厂商的告警回调请求体（`sessionId`、`alarmStatus`、`alarmObjInfo`、`alarmPolicyInfo`、',
    '`additionalMsg`、`firstOccurTime` 等）。',
    '',
    '`timeWindow` `{ "from": "09:30:00", "to": "23:30:00", "outside": "hold" }`（按 `timeZone`，默认',
    'Asia/Shanghai；接收人可以有自己的时段）：时段之外的通知等到时段开始再发送（`hold`，记录在日志中，',
    '重启后仍会发送），或不发送（`drop`）。`to` 早于 `from` 表示跨越午夜。',
    '',
    '默认消息即厂商的告警邮件：产品、事件类型、资源、地域、事件时间（按 `timeZone` 的',
    '`YYYY-MM-DD HH:mm:ss`）和状态（异常 / 已恢复 / 无状态）。`template`（`subject`、`text`、`html`，',
    '机器人用 `markdown`）替换默认消息；`{{ product }}` 这样的占位符以 JSONata 读取 `eventId source type',
    'product eventType eventName resource region regionShort time timeZone status statusText rule bus data',
    'payload`。',
    '',
    '某个渠道失败时，投递以该渠道的错误类型失败（`EMAIL:AUTH`、`WECOM:RATE_LIMITED`、`HTTP:STATUS` 等；',
    '所有失败见 `details.failures`）；重试只发送尚未发送成功的渠道。设置有误、凭据或内容被拒绝时不重试。',
  ].join('\n'),
  fields: {
    receivers: { title: '接收人' },
    'receivers[]': { title: '接收人' },
    'receivers.name': { title: '名称', description: '在跟踪记录和错误中标识该接收人。' },
    'receivers.channels': { title: '通知渠道' },
    'receivers.email': { title: '电子邮件' },
    'receivers.email.connection': { title: '连接', description: '电子邮件（SMTP）连接配置的名称。' },
    'receivers.email.to': { title: '收件人' },
    'receivers.email.cc': { title: '抄送' },
    ...robot('wecom', '企业微信机器人'),
    ...robot('dingtalk', '钉钉机器人'),
    ...robot('feishu', '飞书机器人'),
    'receivers.webhook': { title: 'Webhook 回调' },
    'receivers.webhook.url': { title: '回调地址' },
    'receivers.webhook.connection': { title: '连接', description: 'http-auth 连接配置的名称。' },
    'receivers.webhook.timeoutMs': { title: '超时（毫秒）' },
    ...windowTexts('receivers.timeWindow'),
    ...windowTexts('timeWindow'),
    timeZone: { title: '时区', description: 'IANA 时区名，例如 `Asia/Shanghai` 或 `Europe/Berlin`。' },
    template: { title: '消息模板', description: '替换默认的告警消息；`{{ field }}` 占位符以 JSONata 读取告警字段。' },
    'template.subject': { title: '邮件主题' },
    'template.text': { title: '纯文本正文' },
    'template.html': { title: 'HTML 正文' },
    'template.markdown': { title: '机器人消息（Markdown）' },
  },
};
