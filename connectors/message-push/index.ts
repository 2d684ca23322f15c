/**
 * @module Message push: the bus target that notifies receivers of an alarm by e-mail, IM robots and a webhook
 * callback, within a daily notification window.
 */
import type { Clock, StepDefinition, TargetTypeDefinition } from '../../engine/sdk.js';
import { createDingtalkRobotStep } from '../dingtalk-robot/index.js';
import { defineConnector } from '../shared/connector.js';
import { createEmailStep } from '../email/index.js';
import { createFeishuRobotStep } from '../feishu-robot/index.js';
import { createRobotLanes } from '../shared/rate-limiter.js';
import { createWecomRobotStep } from '../wecom-robot/index.js';
import { checkMessagePushConfig } from './check.js';
import { MESSAGE_PUSH_TYPE, messagePushConfigSchema, type MessagePushConfig } from './config.js';
import { pushNotification } from './deliver.js';
import { SentLedger } from './sent-ledger.js';
import type { PushLog } from './step-context.js';
import { createTemplateRenderer } from './templates.js';
import { messagePushZhCn } from './texts-zh-cn.js';

export {
  alarmFields,
  eventTypeOf,
  productOf,
  snakeCase,
  statusText,
  type AlarmFields,
} from './alarm-fields.js';
export { checkMessagePushConfig } from './check.js';
export { alarmCallbackBody, type AlarmCallbackBody } from './callback.js';
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
} from './config.js';
export { SHORT_REGIONS, shortRegion } from './region.js';
export type { PushLog } from './step-context.js';
export { DEFAULT_TEMPLATE, createTemplateRenderer, type RenderedMessage } from './templates.js';
export { isOpenAt, msUntilOpen, parseTimeWindow, type TimeWindow } from './time-window.js';
export { formatZoned } from './zoned-time.js';

const DESCRIPTION = [
  'Notifies receivers of each event (the vendor\'s "message push"): by e-mail, WeCom, DingTalk or Feishu',
  'robot, or a webhook callback, within a daily notification window.',
  '',
  'Each receiver lists its `channels` and their settings: `email` (`connection` of an SMTP connection, `to`,',
  '`cc`), `wecom` / `dingtalk` / `feishu` (`connection` of a robot connection), `webhook` (`url`, optional',
  '`http-auth` `connection`). E-mail and robots send through the same connectors as flows (signing, rate',
  'limits, retries on "too fast"). The webhook gets the vendor\'s alarm callback body (`sessionId`,',
  '`alarmStatus`, `alarmObjInfo`, `alarmPolicyInfo`, `additionalMsg`, `firstOccurTime`, ...).',
  '',
  '`timeWindow` `{ "from": "09:30:00", "to": "23:30:00", "outside": "hold" }` (in `timeZone`, default',
  'Asia/Shanghai; a receiver may have its own): outside it a notification waits until the window opens',
  '(`hold`, kept in the journal across restarts) or is not sent (`drop`). `to` before `from` crosses',
  'midnight.',
  '',
  'The default message is the vendor\'s alarm e-mail: product, event type, resource, region, time of the',
  'event (`YYYY-MM-DD HH:mm:ss` in `timeZone`) and status (error / recovered / stateless). `template`',
  '(`subject`, `text`, `html`, `markdown` for robots) replaces it; `{{ product }}` holes take JSONata over',
  '`eventId source type product eventType eventName resource region regionShort time timeZone status',
  'statusText rule bus data payload`.',
  '',
  'A channel that fails fails the delivery with its error type (`EMAIL:AUTH`, `WECOM:RATE_LIMITED`,',
  '`HTTP:STATUS`, ...; every failure in `details.failures`); the retry sends only the channels not sent yet.',
  'Bad settings, refused credentials or content are not retried.',
].join('\n');

/** Options of {@link createMessagePushTarget}. */
export interface MessagePushOptions {
  /**
   * The connector steps that send e-mail and robot messages; pass the process's connector steps so robot
   * rate limits are shared with flows. Default: fresh steps with their own rate-limit queues.
   */
  steps?: readonly StepDefinition[];
  /** Overrides the bus clock for windows, holds and robot pacing (tests). */
  clock?: Clock;
  /** Receives holds and connector log lines; default: none. */
  log?: PushLog;
  /**
   * Where sent channels are recorded, so a redelivery sends only what was not sent: pass the process's
   * ledger (durable once the server opens it). Default: one of its own, in memory.
   */
  sentLedger?: SentLedger;
}

function ownSteps(): StepDefinition[] {
  const lanes = createRobotLanes();
  return [
    createEmailStep(),
    createWecomRobotStep({ lanes }),
    createDingtalkRobotStep({ lanes }),
    createFeishuRobotStep({ lanes }),
  ];
}

/**
 * Builds the `message-push` target type.
 *
 * @example
 * const messagePush = createMessagePushTarget({ steps: connectorSteps });
 * const bus = await createEventBus({ dataDir, targetTypes: [messagePush] });
 * bus.start();
 */
export function createMessagePushTarget(
  options: MessagePushOptions = {},
): TargetTypeDefinition<MessagePushConfig> {
  const steps = new Map((options.steps ?? ownSteps()).map((step) => [step.type, step]));
  const dependencies = {
    steps,
    renderer: createTemplateRenderer(),
    ledger: options.sentLedger ?? new SentLedger(),
    log: options.log ?? (() => undefined),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  return {
    type: MESSAGE_PUSH_TYPE,
    title: 'Message push',
    description: DESCRIPTION,
    i18n: { 'zh-CN': messagePushZhCn },
    config: messagePushConfigSchema,
    batching: false,
    defaultRetry: { maxAttempts: 4, initialDelayMs: 2000, maxDelayMs: 120_000 },
    check: checkMessagePushConfig,
    async deliver(batch, context) {
      const details: string[] = [];
      for (const item of batch) {
        const receipt = await pushNotification(item, context, dependencies);
        if (receipt.detail) details.push(receipt.detail);
      }
      return { detail: details.join(' | ') };
    },
  };
}

/** The message push connector: its target type, sending through the other connectors' steps. */
export const messagePushConnector = defineConnector({
  id: MESSAGE_PUSH_TYPE,
  title: 'Message push',
  docs: 'A bus target that notifies receivers of alarms by e-mail, IM robots and a webhook callback.',
  create: ({ sentLedger }) => ({
    targetTypes: (steps) => [createMessagePushTarget({ steps, ...(sentLedger ? { sentLedger } : {}) })],
  }),
});
