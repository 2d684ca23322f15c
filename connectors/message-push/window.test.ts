/**
 * @module Tests of the message-push notification window on a test clock: holding a receiver until its window
 * opens (across midnight too), dropping, and stopping a hold when the bus shuts down.
 */
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../engine/steps/testing.js';
import { createMessagePushTarget, type MessagePushConfig } from './index.js';
import { DAY_WINDOW, EIGHT_IN_SHANGHAI, until, usePushTestBed } from './test-bed.js';
import { deliveryOf } from './test-fixtures.js';

const bed = usePushTestBed();

describe('message push outside the window', () => {
  it('holds a receiver until its window opens; a receiver without a window gets it at once', async () => {
    bed.clock = createTestClock(EIGHT_IN_SHANGHAI);
    const target = createMessagePushTarget();
    const config: MessagePushConfig = {
      receivers: [{ ...bed.mailReceiver, timeWindow: DAY_WINDOW }, bed.callbackReceiver()],
    };
    let settled = false;
    const delivery = target.deliver([deliveryOf()], bed.contextFor(config)).finally(() => (settled = true));

    const holding = () => bed.callbacks.length === 1 && bed.clock.pendingSleeps === 1;
    await until(holding, 'the callback and the hold');
    bed.clock.advance(89 * 60_000);
    // A minute early the hold sleeps on (or again, had it woken to look), having sent nothing.
    await until(() => bed.clock.pendingSleeps === 1, 'the hold to go on');
    expect(settled).toBe(false);
    expect(bed.smtp.mails).toHaveLength(0);

    bed.clock.advance(60_000);
    const receipt = await delivery;
    expect(bed.smtp.mails).toHaveLength(1);
    expect(bed.callbacks).toHaveLength(1);
    expect(receipt?.detail).toContain('held 90 min for the window to open');
  });

  it('holds across midnight: at 23:45 the notification waits for 09:30 the next morning', async () => {
    bed.clock = createTestClock(Date.UTC(2024, 0, 1, 15, 45));
    const target = createMessagePushTarget();
    const config = { receivers: [bed.mailReceiver], timeWindow: DAY_WINDOW };
    const delivery = target.deliver([deliveryOf()], bed.contextFor(config));
    await until(() => bed.clock.pendingSleeps === 1, 'the hold');
    bed.clock.advance(9 * 3_600_000 + 44 * 60_000);
    await until(() => bed.clock.pendingSleeps === 1, 'the hold to go on at 09:29');
    expect(bed.smtp.mails).toHaveLength(0);
    bed.clock.advance(60_000);
    await delivery;
    expect(bed.smtp.mails).toHaveLength(1);
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

  it('stops holding when the bus shuts down, having sent nothing', async () => {
    bed.clock = createTestClock(EIGHT_IN_SHANGHAI);
    const stopping = new AbortController();
    const target = createMessagePushTarget();
    const config = { receivers: [bed.mailReceiver], timeWindow: DAY_WINDOW };
    const delivery = target.deliver([deliveryOf()], bed.contextFor(config, { signal: stopping.signal }));
    await until(() => bed.clock.pendingSleeps === 1, 'the hold');
    stopping.abort();
    await expect(delivery).rejects.toMatchObject({ type: 'CANCELLED' });
    expect(bed.smtp.mails).toHaveLength(0);
  });
});
