/**
 * @module The broker sources' shared intake: a refused message is counted and dropped, an accepted one acked
 * once the bus has it, one the bus cannot take handed back with a warning; and a failed session as a problem.
 */
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../engine/sdk.js';
import { describeSourceFailure, ingestBrokerMessage, SetupError, setupStep, type BrokerMessageEvent } from './queue-source.js';

function fakeSource(accept: () => Promise<unknown>) {
  const calls: string[] = [];
  const context = {
    id: 'orders',
    log: (level: string, message: string) => calls.push(`log ${level} ${message}`),
    ingest: {
      accept: async () => {
        calls.push('accept');
        return (await accept()) as never;
      },
      reject: (reason: string, fields?: Record<string, unknown>) => {
        calls.push(`reject ${reason} ${JSON.stringify(fields)}`);
        return { status: 'rejected' as const, reason };
      },
      maxEventBytes: 1024,
    },
  };
  const settlement = {
    ack: () => calls.push('ack'),
    drop: () => calls.push('drop'),
    retry: () => calls.push('retry'),
    retried: 'redelivered',
  };
  return { context, settlement, calls };
}

const event = { ok: true, event: { id: '1' } } as unknown as BrokerMessageEvent;

describe('ingestBrokerMessage', () => {
  it('acks a message once the bus accepted its event', async () => {
    const { context, settlement, calls } = fakeSource(async () => ({ status: 'accepted', id: '1' }));
    await ingestBrokerMessage(context, event, { queue: 'q' }, settlement);
    expect(calls).toEqual(['accept', 'ack']);
  });

  it('counts and drops a message that is no event, without asking the bus', async () => {
    const { context, settlement, calls } = fakeSource(async () => ({}));
    const invalid = { ok: false, index: 0, reason: 'not JSON' } as unknown as BrokerMessageEvent;
    await ingestBrokerMessage(context, invalid, { queue: 'q' }, settlement);
    expect(calls).toEqual(['reject not JSON {"queue":"q"}', 'drop']);
  });

  it('hands a message back, with a warning, when the bus cannot take it now', async () => {
    const { context, settlement, calls } = fakeSource(async () => {
      throw new Error('shutting down');
    });
    await ingestBrokerMessage(context, event, {}, settlement);
    expect(calls).toEqual([
      'accept',
      'log warn source "orders": the bus did not take a message; it is redelivered',
      'retry',
    ]);
  });

  it('does not throw when the connection is gone at the ack', async () => {
    const { context, settlement } = fakeSource(async () => ({ status: 'accepted', id: '1' }));
    const gone = {
      ...settlement,
      ack: () => {
        throw new Error('channel closed');
      },
    };
    await expect(ingestBrokerMessage(context, event, {}, gone)).resolves.toBeUndefined();
  });
});

describe('describeSourceFailure', () => {
  const broker = {
    toTyped: (error: unknown, doing: string) =>
      new FlowbusError(/refused/.test(String(error)) ? 'Q:CONNECTIVITY' : 'Q:NOT_FOUND', `${doing}: ${String(error)}`),
    name: 'Q',
    connectivityType: 'Q:CONNECTIVITY',
    fallbackPointer: '/queue',
  };

  it('names the config field of a setup step, and keeps retrying a broker away', async () => {
    const failure = await setupStep('/url', () => Promise.reject('connection refused')).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(SetupError);
    expect(describeSourceFailure(failure as Error, broker)).toEqual({
      pointer: '/config/url',
      message: 'Q: connection refused',
      retrying: true,
    });
  });

  it('points a failure outside setup at the fallback field, and waits for a change of a refused config', () => {
    expect(describeSourceFailure(new Error('no queue'), broker)).toEqual({
      pointer: '/config/queue',
      message: 'Q: Error: no queue',
      retrying: false,
    });
  });
});
