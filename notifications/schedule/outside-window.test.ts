/**
 * @module Tests of the message-push notification window on a test clock: a receiver outside its window
 * defers the delivery to the time the window opens (across midnight too) and is sent then, while what was
 * sent before is not sent again; dropping.
 */
import { describe, expect, it } from 'vitest';
import { createTestClock, deferredUntil } from '../../engine/sdk.js';
import { createMessagePushTarget, type MessagePushConfig } from '../index.js';
import { deliveryOf } from '../testing/fixtures.js';
import { DAY_WINDOW, EIGHT_IN_SHANGHAI, usePushTestBed } from '../testing/test-bed.js';

const bed = usePushTestBed();

/** The deferral a delivery answered with, or a failure when it answered anything else. */
async function deferralOf(delivery: Promise<unknown>): Promise<{ dueAt: number; reason: string }> {
  const thrown = await delivery.then(
    () => undefined,
    (error: unknown) => error,
  );
  const deferral = deferredUntil(thrown);
  if (!deferral) throw new Error(`expected a deferral, got ${String(thrown)}`);
  return deferral;
}

describe('message push outside the window', () => {
  it('defers a receiver to the time its window opens; the others get it at once, and only once', async () => {
    bed.clock = createTestClock(EIGHT_IN_SHANGHAI);
    const target = createMessagePushTarget();
    const config: MessagePushConfig = {
      receivers: [{ ...bed.mailReceiver, timeWindow: DAY_WINDOW }, bed.callbackReceiver()],
    };
    const item = deliveryOf();
    const deferral = await deferralOf(target.deliver([item], bed.contextFor(config)));
    expect(deferral.dueAt).toBe(EIGHT_IN_SHANGHAI + 90 * 60_000);
    expect(deferral.reason).toBe('holding receiver "ops" for 90 min until the window opens');
    expect(bed.callbacks).toHaveLength(1);
    expect(bed.smtp.mails).toHaveLength(0);

    bed.clock.advance(90 * 60_000);
    const context = { ...bed.contextFor(config), deferredAt: EIGHT_IN_SHANGHAI };
    const receipt = await target.deliver([item], context);
    expect(bed.smtp.mails).toHaveLength(1);
    expect(bed.callbacks).toHaveLength(1);
    expect(receipt?.detail).toContain('webhook (sent by an earlier attempt)');
    expect(receipt?.detail).toContain('held 90 min for the window to open');
  });

  it('defers across midnight: at 23:45 the notification is due at 09:30 the next morning', async () => {
    const quarterToMidnight = Date.UTC(2024, 0, 1, 15, 45);
    bed.clock = createTestClock(quarterToMidnight);
    const target = createMessagePushTarget();
    const config = { receivers: [bed.mailReceiver], timeWindow: DAY_WINDOW };
    const deferral = await deferralOf(target.deliver([deliveryOf()], bed.contextFor(config)));
    expect(deferral.dueAt).toBe(quarterToMidnight + 9 * 3_600_000 + 45 * 60_000);
    expect(bed.smtp.mails).toHaveLength(0);
  });

  it('drops the notification when the window says drop', async () => {
    bed.clock = createTestClock(EIGHT_IN_SHANGHAI);
    const target = createMessagePushTarget();
    const timeWindow = { ...DAY_WINDOW, outside: 'drop' as const };
    const config = { receivers: [bed.mailReceiver], timeWindow };
    const receipt = await target.deliver([deliveryOf()], bed.contextFor(config));
    expect(bed.smtp.mails).toHaveLength(0);
    const dropped = 'receiver "ops" dropped: outside its window 09:30:00–23:30:00 (Asia/Shanghai)';
    expect(receipt?.detail).toBe(dropped);
  });
});
