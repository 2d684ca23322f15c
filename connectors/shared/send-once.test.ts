/**
 * @module Tests of sending once per idempotency key: a robot step run again with the key of a send it
 * recorded sends nothing (also after the ledger is reopened from its folder, as after a restart); a failed
 * send is not recorded, so running the step again sends; without a key every run sends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStepContext, createTestClock, type StepDefinition } from '../../engine/sdk.js';
import { startFakeWecom, type FakeWecom } from '../../test/fakes/index.js';
import { createConnectorSteps } from '../index.js';
import { SendLedger } from './send-ledger.js';
import { TEST_START } from './test-support.js';

const clock = createTestClock(TEST_START);
let wecom: FakeWecom;
let folder: string;

beforeAll(async () => {
  wecom = await startFakeWecom({ clock });
  folder = await mkdtemp(join(tmpdir(), 'flowbus-send-once-'));
});

afterAll(async () => {
  await wecom.close();
  await rm(folder, { recursive: true, force: true });
});

afterEach(() => {
  clock.advance(10 * 60_000);
  wecom.reset();
});

function wecomStep(sentLedger: SendLedger): StepDefinition {
  return createConnectorSteps({ clock, sentLedger }).find((step) => step.type === 'wecom-robot')!;
}

/** Runs the step once with an idempotency key (or none); answers the error type, if it failed. */
async function run(step: StepDefinition, idempotencyKey?: string): Promise<string | undefined> {
  const context = createStepContext({
    config: { connection: 'ops', msgType: 'text', content: 'disk full' },
    connections: { ops: { webhook: wecom.url } },
    step: { id: 'send', type: step.type },
  });
  // A context built outside the runtime (a bus target's sends) may carry no key.
  if (idempotencyKey) context.idempotencyKey = idempotencyKey;
  else delete context.idempotencyKey;
  try {
    await step.execute!(context);
    return undefined;
  } catch (thrown) {
    return (thrown as { type?: string }).type ?? 'thrown';
  }
}

describe('robot sends with an idempotency key', () => {
  it('sends once per key, and each run without a key', async () => {
    const step = wecomStep(new SendLedger());
    await run(step, 'exec-1:send:1');
    await run(step, 'exec-1:send:1');
    expect(wecom.received).toHaveLength(1);
    await run(step, 'exec-2:send:1');
    expect(wecom.received).toHaveLength(2);
    await run(step);
    await run(step);
    expect(wecom.received).toHaveLength(4);
  });

  it('does not record a failed send: the same key sends when the step runs again', async () => {
    const step = wecomStep(new SendLedger());
    wecom.answerNext(93000, 'invalid webhook url');
    expect(await run(step, 'exec-3:send:1')).toBe('WECOM:INVALID_WEBHOOK');
    expect(await run(step, 'exec-3:send:1')).toBeUndefined();
    expect(wecom.received).toHaveLength(1);
  });

  it('remembers the key after the ledger is reopened from the data folder', async () => {
    const before = new SendLedger();
    await before.open(folder);
    await run(wecomStep(before), 'exec-4:send:1');
    await before.close();
    const after = new SendLedger();
    await after.open(folder);
    await run(wecomStep(after), 'exec-4:send:1');
    expect(wecom.received).toHaveLength(1);
    await after.close();
  });

  it('forgets a send after the retention period', async () => {
    let now = 0;
    const step = wecomStep(new SendLedger({ retentionMs: 1_000, now: () => now }));
    await run(step, 'exec-5:send:1');
    now = 1_001;
    await run(step, 'exec-5:send:1');
    expect(wecom.received).toHaveLength(2);
  });
});
