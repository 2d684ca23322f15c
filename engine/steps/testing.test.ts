/**
 * @module Tests of the step test helpers: context, fakes, clock and runStep.
 */
import { describe, expect, it } from 'vitest';
import { createStepContext, createTestClock, runStep } from './testing.js';
import { setPayloadStep } from './set-payload/index.js';
import { tryStep } from './try/index.js';

describe('createStepContext', () => {
  it('fills defaults and captures log lines', () => {
    const context = createStepContext({ config: { a: 1 }, message: { payload: 'p' } });
    context.logger.log('ERROR', 'cat', 'text');
    expect(context.config).toEqual({ a: 1 });
    expect(context.message).toEqual({ payload: 'p', attributes: {}, vars: {} });
    expect(context.logs).toEqual([{ level: 'ERROR', category: 'cat', content: 'text' }]);
    expect(context.signal.aborted).toBe(false);
  });

  it('serves configured connections, records requests and rejects unknown ones', async () => {
    const context = createStepContext({ connections: { ops: { key: 'k' } } });
    await expect(context.connections.get('ops', 'wecom-robot')).resolves.toEqual({ key: 'k' });
    await expect(context.connections.get('dev', 'wecom-robot')).rejects.toMatchObject({
      type: 'CONNECTION:NOT_FOUND',
    });
    expect(context.connectionRequests).toEqual([
      { name: 'ops', connectorType: 'wecom-robot' },
      { name: 'dev', connectorType: 'wecom-robot' },
    ]);
  });

  it('aborts its signal from abort() and from an outer signal', () => {
    const own = createStepContext();
    own.abort('stop');
    expect(own.signal.aborted).toBe(true);
    expect(own.signal.reason).toBe('stop');
    const outer = new AbortController();
    const linked = createStepContext({ signal: outer.signal });
    outer.abort();
    expect(linked.signal.aborted).toBe(true);
  });
});

describe('createTestClock', () => {
  it('wakes sleepers only when time passes their deadline, earliest first', async () => {
    const clock = createTestClock(1000);
    const woken: string[] = [];
    const long = clock.sleep(500).then(() => woken.push('long'));
    const short = clock.sleep(100).then(() => woken.push('short'));
    clock.advance(99);
    await Promise.resolve();
    expect(woken).toEqual([]);
    expect(clock.pendingSleeps).toBe(2);
    clock.advance(401);
    await Promise.all([long, short]);
    expect(woken).toEqual(['short', 'long']);
    expect(clock.now()).toBe(1500);
    expect(clock.pendingSleeps).toBe(0);
  });

  it('resolves a zero sleep at once and rejects an aborted one', async () => {
    const clock = createTestClock();
    await expect(clock.sleep(0)).resolves.toBeUndefined();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(sleeping).rejects.toThrow('cancelled');
    expect(clock.pendingSleeps).toBe(0);
    await expect(clock.sleep(10, controller.signal)).rejects.toThrow('cancelled');
  });
});

describe('runStep', () => {
  it('returns the output, the resulting message and the context with the step type', async () => {
    const { output, message, context } = await runStep(setPayloadStep, { config: { value: 2 } });
    expect(output).toEqual({ payload: 2 });
    expect(message.payload).toBe(2);
    expect(context.step.type).toBe('set-payload');
  });

  it('refuses a step without execute', async () => {
    await expect(runStep(tryStep)).rejects.toThrow('step type "try" has no execute');
  });
});
