/**
 * @module One message-push delivery: receivers whose window is open get the notification on all their
 * channels at once; receivers outside their window are held until it opens (or dropped); a failed channel
 * fails the delivery, and the retry sends only what was not sent.
 */
import type { DeliveryContext, DeliveryItem, DeliveryReceipt } from '../../engine/bus/types.js';
import { FlowbusError, toFlowError } from '../../engine/core/errors.js';
import type { Clock, StepDefinition } from '../../engine/core/step-definition.js';
import { waitFor } from '../shared/wait.js';
import { alarmFields } from './alarm-fields.js';
import { alarmCallbackBody } from './callback.js';
import { sendOnChannel, type ChannelSend } from './channels.js';
import { DEFAULT_TIME_ZONE, type MessagePushConfig, type Receiver } from './config.js';
import { deliveryError, type ChannelFailure } from './failures.js';
import { sentKey, type SentLedger } from './sent-ledger.js';
import type { PushLog, StepRunServices } from './step-context.js';
import type { TemplateRenderer } from './templates.js';
import { msUntilOpen, parseTimeWindow, type TimeWindow } from './time-window.js';
import { checkTimeZone } from './zoned-time.js';

/** What the target type keeps between deliveries. */
export interface PushDependencies {
  /** Connector steps by type: the clients of e-mail and the robots. */
  steps: ReadonlyMap<string, StepDefinition>;
  renderer: TemplateRenderer;
  ledger: SentLedger;
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
  ledger: SentLedger,
  clock: Clock,
  sent: string[],
): Promise<ChannelFailure[]> {
  const sends = due.flatMap((plan) =>
    [...new Set(plan.receiver.channels)].map((channel) => {
      const key = sentKey(base.services.origin, plan.index, channel);
      const attempt = ledger.has(key, clock.now())
        ? Promise.resolve(`${channel} (sent by an earlier attempt)`)
        : sendOnChannel(channel, { ...base, receiver: plan.receiver, label: plan.label }).then((detail) => {
            ledger.add(key, clock.now());
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
  let pending = plansOf(config);
  const fields = alarmFields(item, timeZone);
  const message = await deps.renderer.render(config.template, fields);
  const origin = { bus: item.bus, rule: item.rule, target: target.id, eventId: item.event.id };
  const { connections } = services;
  const runServices: StepRunServices = { signal, clock, connections, log: deps.log, origin };
  const base = { message, callback: alarmCallbackBody(item, fields), item, context, steps: deps.steps };
  const sent: string[] = [];
  const notes: string[] = [];
  const heldSince = clock.now();
  let held = false;
  while (pending.length > 0) {
    const now = clock.now();
    const waitOf = (plan: Plan) => (plan.window ? msUntilOpen(plan.window, now, timeZone) : 0);
    const waits = new Map(pending.map((plan) => [plan, waitOf(plan)]));
    const due = pending.filter((plan) => waits.get(plan) === 0);
    const outside = pending.filter((plan) => waits.get(plan)! > 0);
    for (const plan of outside.filter((candidate) => candidate.window!.outside === 'drop')) {
      notes.push(`${plan.label} dropped: outside its window ${plan.window!.label} (${timeZone})`);
    }
    if (held && due.length > 0) notes.push(`held ${minutes(now - heldSince)} for the window to open`);
    const failures = await notifyAll(due, { ...base, services: runServices }, deps.ledger, clock, sent);
    if (failures.length > 0) throw deliveryError(failures, sent);
    pending = outside.filter((plan) => plan.window!.outside === 'hold');
    if (pending.length === 0) break;
    const waitMs = Math.min(...pending.map((plan) => waits.get(plan)!));
    const labels = pending.map((plan) => plan.label).join(', ');
    deps.log('info', `message push: holding ${labels} for ${minutes(waitMs)} until the window opens`, origin);
    await waitFor(clock, waitMs, signal, `holding the notification of event "${item.event.id}"`);
    held = true;
  }
  return { detail: [...sent, ...notes].join('; ') || 'nothing was sent' };
}
