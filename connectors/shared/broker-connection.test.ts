/**
 * @module Where a broker config finds its broker: the address check of a rule or source file, and the named
 * connection's values.
 */
import { describe, expect, it } from 'vitest';
import { checkBrokerAddress, readBrokerConnection } from './broker-connection.js';

describe('checkBrokerAddress', () => {
  it.each([
    [{}, [{ pointer: '/connection', code: 'missing-field', message: 'give "connection" (a nats connection) or "url"' }]],
    [{ url: 'not a url' }, [{ pointer: '/url', code: 'invalid-url', message: '"not a url" is not a URL (expected nats://host:port)' }]],
    [{ url: 'nats://127.0.0.1:4222' }, []],
    [{ connection: 'warehouse' }, []],
  ])('%j gives %j', (config, issues) => {
    expect(checkBrokerAddress(config, 'nats', 'nats://host:port')).toEqual(issues);
  });
});

describe('readBrokerConnection', () => {
  const broker = { namespace: 'NATS', connectorType: 'nats' };

  it('reads the named connection of the broker type', async () => {
    const asked: string[] = [];
    const connections = {
      get: async (name: string, type: string) => {
        asked.push(`${name} ${type}`);
        return { url: 'nats://127.0.0.1:4222' };
      },
    };
    await expect(readBrokerConnection({ connection: 'w' }, connections, broker)).resolves.toEqual({
      url: 'nats://127.0.0.1:4222',
    });
    expect(asked).toEqual(['w nats']);
  });

  it('is undefined without a connection name, and CONFIG without a store to ask', async () => {
    await expect(readBrokerConnection({}, undefined, broker)).resolves.toBeUndefined();
    await expect(readBrokerConnection({ connection: 'w' }, undefined, broker)).rejects.toMatchObject({
      type: 'NATS:CONFIG',
      message: 'connection "w": no connection store',
    });
  });
});
