/**
 * @module The `message-push` bus target type: its description, its options and the delivery of a batch, one
 * notification per event (`delivery/deliver.ts`).
 */
import type { Clock, StepDefinition, TargetTypeDefinition } from '../engine/sdk.js';
import { createDingtalkRobotStep } from '../connectors/dingtalk-robot/index.js';
import { createEmailStep } from '../connectors/email/index.js';
import { createFeishuRobotStep } from '../connectors/feishu-robot/index.js';
import { createRobotLanes } from '../connectors/shared/rate-limiter.js';
import { SendLedger } from '../connectors/shared/send-ledger.js';
import { createWecomRobotStep } from '../connectors/wecom-robot/index.js';
import type { PushLog } from './channels/connector-step.js';
import { checkMessagePushConfig } from './config/check.js';
import { MESSAGE_PUSH_TYPE, messagePushConfigSchema, type MessagePushConfig } from './config/schema.js';
import { pushNotification } from './delivery/deliver.js';
import { createTemplateRenderer } from './message/templates.js';
import { messagePushZhCn } from './config/texts-zh-cn.js';

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
  sentLedger?: SendLedger;
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
    ledger: options.sentLedger ?? new SendLedger(),
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
