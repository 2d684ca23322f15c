/**
 * @module One message-push delivery: receivers whose window is open get the notification on all their
 * channels at once; for receivers outside their window the delivery is deferred to the time it opens (the
 * bus keeps that time in its journal, counts no attempt and holds no slot meanwhile), or they are dropped;
 * a failed channel fails the delivery. A retry or a deferred delivery sends only what the sent ledger does
 * not hold.
 */
import {
  FlowbusError,
  deferDelivery,
  toFlowError,
  type Clock,
  type DeliveryContext,
  type DeliveryItem,
  type DeliveryReceipt,
  type StepDefinition,
} from '../../engine/sdk.js';
import type { SendLedger } from '../../connectors/shared/send-ledger.js';
import type { PushLog, StepRunServices } from '../channels/connector-step.js';
import { sendOnChannel, type ChannelSend } from '../channels/send.js';
import { DEFAULT_TIME_ZONE, type MessagePushConfig, type Receiver } from '../config/schema.js';
import { alarmFields } from '../message/alarm-fields.js';
import { alarmCallbackBody } from '../message/callback.js';
import type { TemplateRenderer } from '../message/templates.js';
import { msUntilOpen, parseTimeWindow, type TimeWindow } from '../schedule/time-window.js';
import { checkTimeZone } from '../schedule/zoned-time.js';
import { deliveryError, type ChannelFailure } from './failures.js';
import { sentKey } from './sent-ledger.js';

/** What the target type keeps between deliveries. */
export interface PushDependencies {
  /** Connector steps by type: the clients of e-mail and the robots. */
  steps: ReadonlyMap<string, StepDefinition>;
  renderer: TemplateRenderer;
  ledger: SendLedger;
  /** Overrides the bus clock (window checks, holds, robot pacing). */
  clock?: Clock;
  log: PushLog;
}

interface Plan {
  index: number;
  receiver: Receiver;
  label: string;
  window?: TimeWindow;
}

function plansOf(config: MessagePushConfig): Plan[] {
  if (!Array.isArray(config.receivers) || config.receivers.length === 0) {
    const message = 'receivers must list at least one receiver';
    throw new FlowbusError('VALIDATION', message, { field: 'receivers', retryable: false });
  }
  const shared = config.timeWindow ? parseTimeWindow(config.timeWindow) : undefined;
  return config.receivers.map((receiver, index) => {
    const own = receiver.timeWindow && parseTimeWindow(receiver.timeWindow, `receivers[${index}].timeWindow`);
    const label = receiver.name ? `receiver "${receiver.name}"` : `receiver #${index + 1}`;
    const window = own ?? shared;
    return { index, receiver, label, ...(window ? { window } : {}) };
  });
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** Sends every channel of the due receivers at once; records what went out, returns what failed. */
async function notifyAll(
  due: readonly Plan[],
  base: Omit<ChannelSend, 'receiver' | 'label'>,
  ledger: SendLedger,
  sent: string[],
): Promise<ChannelFailure[]> {
  const sends = due.flatMap((plan) =>
    [...new Set(plan.receiver.channels)].map((channel) => {
      const key = sentKey(base.services.origin, plan.index, channel);
      const attempt = ledger.has(key)
        ? Promise.resolve(`${channel} (sent by an earlier attempt)`)
        : sendOnChannel(channel, { ...base, receiver: plan.receiver, label: plan.label }).then(async (detail) => {
            await ledger.record(key);
            return detail;
          });
      return { plan, channel, attempt };
    }),
  );
  const results = await Promise.allSettled(sends.map((send) => send.attempt));
  const failures: ChannelFailure[] = [];
  results.forEach((result, index) => {
    const { plan, channel } = sends[index]!;
    if (result.status === 'fulfilled') sent.push(`${plan.label}: ${result.value}`);
    else failures.push({ receiver: plan.label, channel, error: toFlowError(result.reason) });
  });
  return failures;
}

/**
 * Delivers one event to every receiver of the config.
 *
 * @example
 * const receipt = await pushNotification(item, context, dependencies);
 * receipt.detail; // 'receiver "ops": email via "smtp"; receiver "ops": wecom via "ops-wecom"'
 */
export async function pushNotification(
  item: DeliveryItem,
  context: DeliveryContext<MessagePushConfig>,
  deps: PushDependencies,
): Promise<DeliveryReceipt> {
  const { config, services, signal, target } = context;
  const clock = deps.clock ?? services.clock;
  const timeZone = checkTimeZone(config.timeZone ?? DEFAULT_TIME_ZONE);
  const plans = plansOf(config);
  const fields = alarmFields(item, timeZone);
  const message = await deps.renderer.render(config.template, fields);
  const origin = { bus: item.bus, rule: item.rule, target: target.id, eventId: item.event.id };
  const { connections } = services;
  const runServices: StepRunServices = { signal, clock, connections, log: deps.log, origin };
  const base = { message, callback: alarmCallbackBody(item, fields), item, context, steps: deps.steps };
  const sent: string[] = [];
  const notes: string[] = [];
  const now = clock.now();
  const waits = new Map(plans.map((plan) => [plan, plan.window ? msUntilOpen(plan.window, now, timeZone) : 0]));
  const due = plans.filter((plan) => waits.get(plan) === 0);
  const outside = plans.filter((plan) => waits.get(plan)! > 0);
  for (const plan of outside.filter((candidate) => candidate.window!.outside === 'drop')) {
    notes.push(`${plan.label} dropped: outside its window ${plan.window!.label} (${timeZone})`);
  }
  if (context.deferredAt !== undefined && due.length > 0) {
    notes.push(`held ${minutes(now - context.deferredAt)} for the window to open`);
  }
  const failures = await notifyAll(due, { ...base, services: runServices }, deps.ledger, sent);
  if (failures.length > 0) throw deliveryError(failures, sent);
  const held = outside.filter((plan) => plan.window!.outside === 'hold');
  if (held.length > 0) {
    const waitMs = Math.min(...held.map((plan) => waits.get(plan)!));
    const labels = held.map((plan) => plan.label).join(', ');
    const reason = `holding ${labels} for ${minutes(waitMs)} until the window opens`;
    deps.log('info', `message push: ${reason}`, origin);
    // What was sent now is in the ledger: the delivery at the due time sends only the held receivers. The
    // due time is on the bus's clock, which times the wait (`clock` may be another one in tests).
    const busOffset = services.clock.now() - clock.now();
    throw deferDelivery(now + waitMs + busOffset, reason);
  }
  return { detail: [...sent, ...notes].join('; ') || 'nothing was sent' };
}
