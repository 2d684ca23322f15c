/**
 * @module The message-push tests' bed: loopback fakes (SMTP, the three robots, a webhook receiver) on a
 * test clock, their connections, and a delivery context for a config.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  FlowbusError,
  createTestClock,
  type BusServices,
  type DeliveryContext,
  type TestClock,
} from '../../engine/sdk.js';
import { startFakeHttpServer, type FakeHttpServer, type FakeRequest } from '../../test/fakes/http-server.js';
import { startFakeDingtalk, startFakeFeishu, startFakeSmtp, startFakeWecom } from '../../test/fakes/index.js';
import type { FakeDingtalk, FakeFeishu, FakeSmtp, FakeWecom } from '../../test/fakes/index.js';
import { waitFor } from '../../test/support/wait-for.js';
import type { MessagePushConfig, Receiver } from '../config/schema.js';

/** 10:00 and 08:00 on 2024-01-01 in Shanghai (UTC+8). */
export const TEN_IN_SHANGHAI = Date.UTC(2024, 0, 1, 2);
export const EIGHT_IN_SHANGHAI = Date.UTC(2024, 0, 1, 0);
export const DAY_WINDOW = { from: '09:30:00', to: '23:30:00' };

/** What a test reads and sets; the hooks refresh it before each test. */
export interface PushTestBed {
  smtp: FakeSmtp;
  wecom: FakeWecom;
  dingtalk: FakeDingtalk;
  feishu: FakeFeishu;
  hook: FakeHttpServer;
  callbacks: FakeRequest[];
  /** The status the webhook receiver answers. */
  callbackStatus: number;
  /** A fresh clock at 10:00 in Shanghai before each test; the fakes read whichever clock is set here. */
  clock: TestClock;
  connections: Record<string, Record<string, unknown>>;
  /** A delivery context for rule `cvm-alarms`, target `notify`, on the bed's clock and connections. */
  contextFor(
    config: MessagePushConfig,
    options?: { signal?: AbortSignal; attempt?: number },
  ): DeliveryContext<MessagePushConfig>;
  /** Receiver "ops": e-mail to ops@example.com. */
  mailReceiver: Receiver;
  /** Receiver "callback": the webhook receiver's `/alarm`, with a Bearer token. */
  callbackReceiver(): Receiver;
}

/** Registers the hooks of the bed in the calling test file and returns it. */
export function usePushTestBed(): PushTestBed {
  const bed = {
    callbacks: [] as FakeRequest[],
    callbackStatus: 200,
    clock: createTestClock(TEN_IN_SHANGHAI),
    mailReceiver: {
      name: 'ops',
      channels: ['email'],
      email: { connection: 'smtp', to: ['ops@example.com'] },
    },
  } as PushTestBed;
  const fakeClock = { now: () => bed.clock.now() };
  bed.callbackReceiver = () => ({
    name: 'callback',
    channels: ['webhook'],
    webhook: { url: `${bed.hook.origin}/alarm`, connection: 'callback-token' },
  });
  bed.contextFor = (config, options = {}) => {
    const services: BusServices = {
      fetch,
      clock: bed.clock,
      logStore: { append: async () => undefined },
      connections: {
        get: async (name) => {
          const values = bed.connections[name];
          if (!values) throw new FlowbusError('CONNECTION:NOT_FOUND', `no connection config named "${name}"`);
          return values;
        },
      },
    };
    return {
      config,
      target: { bus: 'default', rule: 'cvm-alarms', id: 'notify', type: 'message-push' },
      attempt: options.attempt ?? 1,
      signal: options.signal ?? new AbortController().signal,
      services,
    };
  };
  beforeAll(async () => {
    bed.smtp = await startFakeSmtp();
    bed.wecom = await startFakeWecom({ clock: fakeClock });
    bed.dingtalk = await startFakeDingtalk({ clock: fakeClock, secret: 'SECdemo' });
    bed.feishu = await startFakeFeishu({ clock: fakeClock, secret: 'feishu-secret' });
    bed.hook = await startFakeHttpServer((request) => {
      bed.callbacks.push(request);
      return { status: bed.callbackStatus, json: { ok: bed.callbackStatus < 300 } };
    });
    bed.connections = {
      smtp: { host: '127.0.0.1', port: bed.smtp.port, from: 'Alarms <alarms@example.com>' },
      'ops-wecom': { webhook: bed.wecom.url },
      'ops-dingtalk': { webhook: bed.dingtalk.url, secret: 'SECdemo' },
      'ops-feishu': { webhook: bed.feishu.url, secret: 'feishu-secret' },
      'wrong-wecom': { webhook: bed.wecom.url.replace(/key=.*/, 'key=wrong') },
      'callback-token': { token: 'cb-token-1' },
    };
  });
  afterAll(async () => {
    const { smtp, wecom, dingtalk, feishu, hook } = bed;
    await Promise.all([smtp?.close(), wecom?.close(), dingtalk?.close(), feishu?.close(), hook?.close()]);
  });
  beforeEach(() => {
    bed.clock = createTestClock(TEN_IN_SHANGHAI);
    bed.smtp.mails.length = 0;
    for (const robot of [bed.wecom, bed.dingtalk, bed.feishu]) robot.reset();
    bed.callbacks.length = 0;
    bed.callbackStatus = 200;
  });
  return bed;
}

/** Polls `condition` on real time; fails naming `what` after 5 s. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  await waitFor(condition, what, 5000);
}
