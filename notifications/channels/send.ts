/**
 * @module One notification on one channel: e-mail and IM robots through their connector steps, the webhook
 * callback through the bus's webhook target.
 */
import {
  FlowbusError,
  webhookTarget,
  type DeliveryContext,
  type DeliveryItem,
  type StepDefinition,
} from '../../engine/sdk.js';
import { DINGTALK_ROBOT_TYPE } from '../../connectors/dingtalk-robot/index.js';
import { EMAIL_TYPE } from '../../connectors/email/index.js';
import { FEISHU_ROBOT_TYPE } from '../../connectors/feishu-robot/index.js';
import { WECOM_ROBOT_TYPE } from '../../connectors/wecom-robot/index.js';
import type { Channel, MessagePushConfig, Receiver } from '../config/schema.js';
import type { AlarmCallbackBody } from '../message/callback.js';
import type { RenderedMessage } from '../message/templates.js';
import { runConnectorStep, type StepRunServices } from './connector-step.js';

/** The connector step type each channel sends with. */
export const CHANNEL_STEP_TYPES: Readonly<Record<Exclude<Channel, 'webhook'>, string>> = {
  email: EMAIL_TYPE,
  wecom: WECOM_ROBOT_TYPE,
  dingtalk: DINGTALK_ROBOT_TYPE,
  feishu: FEISHU_ROBOT_TYPE,
};

/** What one send gets. */
export interface ChannelSend {
  receiver: Receiver;
  /** `receiver "ops"` or `receiver #2`, for messages. */
  label: string;
  message: RenderedMessage;
  callback: AlarmCallbackBody;
  item: DeliveryItem;
  context: DeliveryContext<MessagePushConfig>;
  steps: ReadonlyMap<string, StepDefinition>;
  services: StepRunServices;
}

function missingSettings(label: string, channel: Channel): FlowbusError {
  const message = `${label} lists channel "${channel}" but has no "${channel}" settings`;
  return new FlowbusError('VALIDATION', message, { field: channel, retryable: false });
}

/** The step config of a connector channel, from the receiver's settings and the message. */
function stepConfig(channel: Exclude<Channel, 'webhook'>, send: ChannelSend): Record<string, unknown> {
  const { receiver, message, label } = send;
  const settings = receiver[channel];
  if (!settings) throw missingSettings(label, channel);
  const { connection } = settings;
  switch (channel) {
    case 'email': {
      const { to, cc } = receiver.email!;
      const { subject, text, html } = message;
      const bodies = { ...(text !== undefined ? { text } : {}), ...(html !== undefined ? { html } : {}) };
      return { connection, to, ...(cc ? { cc } : {}), subject, ...bodies };
    }
    case 'wecom':
      return { connection, msgType: 'markdown', content: message.markdown, truncate: true };
    case 'dingtalk':
      return { connection, msgType: 'markdown', title: message.subject, text: message.markdown };
    case 'feishu': {
      const { subject: title, markdown } = message;
      return { connection, msgType: 'interactive', title, markdown, truncate: true };
    }
  }
}

async function sendCallback(send: ChannelSend): Promise<string> {
  const { receiver, label, callback, item, context } = send;
  if (!receiver.webhook) throw missingSettings(label, 'webhook');
  const { url, connection, timeoutMs } = receiver.webhook;
  const config = { url, ...(connection ? { connection } : {}), ...(timeoutMs ? { timeoutMs } : {}) };
  const callbackItem: DeliveryItem = { ...item, payload: callback, transformed: true };
  const receipt = await webhookTarget.deliver([callbackItem], { ...context, config });
  return receipt?.detail ?? `webhook ${new URL(url).origin}`;
}

/**
 * Sends on one channel; resolves with a short description for the trace, rejects with the channel's
 * typed error (`EMAIL:AUTH`, `WECOM:RATE_LIMITED`, `HTTP:STATUS`, ...).
 */
export async function sendOnChannel(channel: Channel, send: ChannelSend): Promise<string> {
  if (channel === 'webhook') return sendCallback(send);
  const type = CHANNEL_STEP_TYPES[channel];
  const step = send.steps.get(type);
  if (!step) {
    const message = `channel "${channel}" needs the ${type} connector, which this server does not have`;
    throw new FlowbusError('MESSAGE_PUSH:CHANNEL_UNAVAILABLE', message, { channel, retryable: false });
  }
  const config = stepConfig(channel, send);
  await runConnectorStep(step, config, send.services);
  return `${channel} via "${String(config.connection)}"`;
}
