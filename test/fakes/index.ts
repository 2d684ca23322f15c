/**
 * @module Fakes of external systems for connector and end-to-end tests: IM robot servers and an SMTP server,
 * all on loopback, all enforcing the real protocols.
 */
export { startFakeWecom, checkWecomShape, WECOM_RATE } from './wecom.js';
export type { FakeWecom, FakeWecomOptions } from './wecom.js';
export { startFakeDingtalk, checkDingtalkShape, DINGTALK_RATE } from './dingtalk.js';
export type { FakeDingtalk, FakeDingtalkOptions } from './dingtalk.js';
export { startFakeFeishu, checkFeishuShape, FEISHU_MAX_BODY_BYTES, FEISHU_RATES } from './feishu.js';
export type { FakeFeishu, FakeFeishuOptions } from './feishu.js';
export { startFakeSlack, checkSlackShape, SLACK_ERROR_STATUS, SLACK_LIMITS, SLACK_RATE } from './slack.js';
export type { FakeSlack, FakeSlackOptions, SlackRefusal, SlackScriptedAnswer } from './slack.js';
export { startFakeSmtp } from './smtp.js';
export type { FakeSmtp, FakeSmtpOptions, ReceivedMail } from './smtp.js';
export { countInWindow, maxInAnyWindow } from './robot-fake.js';
export type { AcceptedMessage, FakeClock, FakeRobot, RefusedMessage } from './robot-fake.js';
export { driveClock } from './drive-clock.js';
