/**
 * @module Notifications: the `message-push` bus target (the vendor's name, which rule files use), notifying
 * receivers of an alarm by e-mail, IM robots and a webhook callback within a daily notification window. One
 * object, {@link messagePushConnector}, registered with one line in connectors/index.ts.
 */
import { defineConnector } from '../connectors/shared/connector.js';
import { MESSAGE_PUSH_TYPE } from './config/schema.js';
import { createMessagePushTarget } from './target.js';

export {
  alarmFields,
  eventTypeOf,
  productOf,
  snakeCase,
  statusText,
  type AlarmFields,
} from './message/alarm-fields.js';
export { checkMessagePushConfig } from './config/check.js';
export { alarmCallbackBody, type AlarmCallbackBody } from './message/callback.js';
export {
  CHANNELS,
  DEFAULT_TIME_ZONE,
  MESSAGE_PUSH_TYPE,
  messagePushConfigSchema,
  type Channel,
  type MessagePushConfig,
  type MessageTemplate,
  type Receiver,
  type TimeWindowConfig,
} from './config/schema.js';
export { SHORT_REGIONS, shortRegion } from './message/region.js';
export type { PushLog } from './channels/connector-step.js';
export { DEFAULT_TEMPLATE, createTemplateRenderer, type RenderedMessage } from './message/templates.js';
export { isOpenAt, msUntilOpen, parseTimeWindow, type TimeWindow } from './schedule/time-window.js';
export { formatZoned } from './schedule/zoned-time.js';
export { createMessagePushTarget, type MessagePushOptions } from './target.js';

/** The message push connector: its target type, sending through the other connectors' steps. */
export const messagePushConnector = defineConnector({
  id: MESSAGE_PUSH_TYPE,
  title: 'Message push',
  docs: 'A bus target that notifies receivers of alarms by e-mail, IM robots and a webhook callback.',
  create: ({ sentLedger }) => ({
    targetTypes: (steps) => [createMessagePushTarget({ steps, ...(sentLedger ? { sentLedger } : {}) })],
  }),
});
