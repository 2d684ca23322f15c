import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { loadConfig, type LoadConfigOptions } from './load.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-config-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configFile(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function failure(options: LoadConfigOptions): Promise<FlowbusError> {
  const error = await loadConfig({ cwd: dir, env: {}, ...options }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FlowbusError);
  expect((error as FlowbusError).type).toBe('CONFIG:INVALID');
  return error as FlowbusError;
}

describe('loadConfig', () => {
  it('has defaults that work without a file: loopback, port 8420, flows/ and data/ here', async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config).toMatchObject({
      port: 8420,
      host: '127.0.0.1',
      flowsDir: join(dir, 'flows'),
      dataDir: join(dir, 'data'),
      logLevel: 'info',
      limits: { bodyBytes: 1048576, stallWarningMs: 100 },
    });
    expect(config.authToken).toBeUndefined();
    expect(config.file).toBeUndefined();
  });

  it('reads the file (folders relative to it); env and options win, in that order', async () => {
    const file = await configFile('layered.json', {
      port: 4000,
      host: '0.0.0.0',
      flowsDir: 'my-flows',
      limits: { bodyBytes: '2mb' },
      history: { maxPerFlow: 10 },
    });
    const config = await loadConfig({
      cwd: '/',
      file,
      env: {
        FLOWBUS_PORT: '5000',
        FLOWBUS_HISTORY_MAX_PER_FLOW: '7',
        FLOWBUS_DATA_DIR: 'var/data',
        FLOWBUS_EVENT_EXECUTION_TIMEOUT_MS: '120000',
        FLOWBUS_STALL_WARNING_MS: '250',
        FLOWBUS_JSON_DEPTH: '64',
      },
      overrides: { port: 6000 },
    });
    expect(config).toMatchObject({
      port: 6000,
      host: '0.0.0.0',
      flowsDir: join(dir, 'my-flows'),
      dataDir: '/var/data',
      limits: {
        bodyBytes: 2 * 1024 * 1024,
        executionTimeoutMs: 30000,
        eventExecutionTimeoutMs: 120000,
        stallWarningMs: 250,
        jsonDepth: 64,
      },
      history: { maxPerFlow: 7, maxAgeHours: 168 },
      file,
    });
  });

  it('finds flowbus.config.json in the working folder, or the file named by FLOWBUS_CONFIG', async () => {
    const sub = join(dir, 'sub');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    await writeFile(join(sub, 'flowbus.config.json'), '{"port": 1234}');
    expect((await loadConfig({ cwd: sub, env: {} })).port).toBe(1234);
    const other = await configFile('other.json', { port: 4321 });
    expect((await loadConfig({ cwd: sub, env: { FLOWBUS_CONFIG: other } })).port).toBe(4321);
  });

  it('reads allowedHosts as a list in the file and comma-separated in the environment', async () => {
    expect((await loadConfig({ cwd: dir, env: {} })).allowedHosts).toEqual([]);
    const file = await configFile('hosts.json', { allowedHosts: ['flowbus.internal', '.corp.example', '::1'] });
    expect((await loadConfig({ cwd: dir, env: {}, file })).allowedHosts).toEqual([
      'flowbus.internal',
      '.corp.example',
      '::1',
    ]);
    const env = { FLOWBUS_ALLOWED_HOSTS: ' flowbus.internal, 10.0.0.5,,[fd00::7] ' };
    expect((await loadConfig({ cwd: dir, env, file })).allowedHosts).toEqual([
      'flowbus.internal',
      '10.0.0.5',
      '[fd00::7]',
    ]);
  });

  it.each([
    ['a scheme', ['http://flowbus.internal'], 0],
    ['a port', ['flowbus.internal', 'flowbus.internal:8420'], 1],
    ['a wildcard', ['*'], 0],
    ['a path', ['flowbus.internal/editor'], 0],
    ['a number', [8420], 0],
    ['an empty name', [''], 0],
  ])('rejects allowedHosts with %s, naming the entry', async (_name, allowedHosts, index) => {
    const error = await failure({ file: await configFile('bad-hosts.json', { allowedHosts }) });
    expect(error.message).toContain('"allowedHosts" must be a list of host names or IP addresses without scheme');
    expect(error.message).toContain(`; entry ${index} (${JSON.stringify(allowedHosts[index])}) is not one`);
  });

  it('rejects allowedHosts that is not a list, and a bad FLOWBUS_ALLOWED_HOSTS entry', async () => {
    const error = await failure({ file: await configFile('hosts-text.json', { allowedHosts: 5 }) });
    expect(error.message).toMatch(/"allowedHosts" must be a list of host names .*, got 5$/);
    const env = await failure({ env: { FLOWBUS_ALLOWED_HOSTS: 'flowbus.internal,evil.example:80' } });
    expect(env.message).toMatch(/^environment variable FLOWBUS_ALLOWED_HOSTS: "allowedHosts" must be a list/);
    expect(env.message).toContain('entry 1 ("evil.example:80") is not one');
  });

  it('ignores empty environment variables', async () => {
    expect((await loadConfig({ cwd: dir, env: { FLOWBUS_PORT: '' } })).port).toBe(8420);
  });

  it.each([
    [{ FLOWBUS_PORT: 'abc' }, 'environment variable FLOWBUS_PORT: "port" must be an integer from 0 to 65535'],
    [{ FLOWBUS_PORT: '70000' }, '"port" must be an integer from 0 to 65535 (0: any free port), got "70000"'],
    [{ FLOWBUS_LOG_LEVEL: 'loud' }, '"logLevel" must be one of debug, info, warn, error, silent, got "loud"'],
    [{ FLOWBUS_BODY_LIMIT: '1 potato' }, '"limits.bodyBytes" must be a size in bytes'],
    [{ FLOWBUS_BODY_LIMIT: '0' }, '"limits.bodyBytes" must be a size in bytes'],
    [{ FLOWBUS_EXECUTION_TIMEOUT_MS: '-5' }, '"limits.executionTimeoutMs" must be a positive integer'],
    [{ FLOWBUS_STALL_WARNING_MS: '-1' }, '"limits.stallWarningMs" must be an integer of 0 or more'],
    [{ FLOWBUS_JSON_DEPTH: '5' }, '"limits.jsonDepth" must be an integer from 16 to 512 (nested objects'],
    [{ FLOWBUS_JSON_DEPTH: '100000' }, '"limits.jsonDepth" must be an integer from 16 to 512'],
    [{ FLOWBUS_HISTORY_MAX_AGE_HOURS: '1.5' }, '"history.maxAgeHours" must be a positive integer (hours)'],
    [{ FLOWBUS_AUTH_TOKEN: 'short' }, '"authToken" must be a token of at least 16 characters'],
    [{ FLOWBUS_VALUE_LIMIT: 'big' }, '"limits.valueBytes" must be a size in bytes'],
    [{ FLOWBUS_MESSAGE_LIMIT: '0' }, '"limits.messageBytes" must be a size in bytes'],
    [{ FLOWBUS_TRACE_ENTRIES: '1' }, '"limits.traceEntries" must be an integer of 2 or more, got "1"'],
    [{ FLOWBUS_REPLY_LIMIT: '-1kb' }, '"limits.replyBytes" must be a size in bytes'],
    [{ FLOWBUS_LOG_LINE_LIMIT: 'long' }, '"limits.logLineBytes" must be a size in bytes'],
    [{ FLOWBUS_RECORD_LIMIT: '1 mb!' }, '"limits.recordBytes" must be a size in bytes'],
    [{ FLOWBUS_FLOW_STEPS: '0' }, '"limits.flowSteps" must be a positive integer, got "0"'],
    [{ FLOWBUS_FLOW_LIMIT: 'x' }, '"limits.flowBytes" must be a size in bytes'],
  ])('rejects environment %j with one clear line', async (env, message) => {
    const error = await failure({ env });
    expect(error.message).toContain(message);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it.each([
    ['bad.json', '{"port": 80,}', 'not valid JSON'],
    ['array.json', '[1]', 'must hold a JSON object of settings'],
    ['typo.json', { prot: 1 }, 'unknown key "prot"; known keys: port, host'],
    ['typo-section.json', { limits: { bodyLimit: 1 } }, 'unknown key "limits.bodyLimit"; known keys of'],
    ['section.json', { limits: 5 }, '"limits" must be an object with keys bodyBytes'],
    ['host.json', { host: '' }, '"host" must be a host name or IP address'],
    ['dir.json', { dataDir: 42 }, '"dataDir" must be a folder path, got 42'],
  ])('rejects the file %s', async (name, content, message) => {
    const error = await failure({ file: await configFile(name, content) });
    expect(error.message).toContain(message);
  });

  it('has bounds on what one execution and one flow may hold, each set from the environment', async () => {
    const defaults = await loadConfig({ cwd: dir, env: {} });
    expect(defaults.limits).toMatchObject({
      valueBytes: 10 * 1024 * 1024,
      messageBytes: 32 * 1024 * 1024,
      traceEntries: 1000,
      replyBytes: 10 * 1024 * 1024,
      logLineBytes: 16 * 1024,
      recordBytes: 1024 * 1024,
      flowSteps: 1000,
      flowBytes: 1024 * 1024,
    });
    const env = {
      FLOWBUS_VALUE_LIMIT: '1mb',
      FLOWBUS_MESSAGE_LIMIT: '2mb',
      FLOWBUS_TRACE_ENTRIES: '50',
      FLOWBUS_REPLY_LIMIT: '3mb',
      FLOWBUS_LOG_LINE_LIMIT: '4kb',
      FLOWBUS_RECORD_LIMIT: '256kb',
      FLOWBUS_FLOW_STEPS: '200',
      FLOWBUS_FLOW_LIMIT: '512kb',
    };
    expect((await loadConfig({ cwd: dir, env })).limits).toMatchObject({
      valueBytes: 1024 ** 2,
      messageBytes: 2 * 1024 ** 2,
      traceEntries: 50,
      replyBytes: 3 * 1024 ** 2,
      logLineBytes: 4096,
      recordBytes: 256 * 1024,
      flowSteps: 200,
      flowBytes: 512 * 1024,
    });
  });

  it('reports every problem, one per line, naming each source', async () => {
    const file = await configFile('many.json', { port: 'x', logLevel: 3 });
    const error = await failure({ file, overrides: { host: '  ' } });
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^many\.json: "port" must be/),
      expect.stringMatching(/^many\.json: "logLevel" must be/),
      expect.stringMatching(/^option: "host" must be/),
    ]);
  });

  it('never shows the auth token in an error', async () => {
    const error = await failure({ env: { FLOWBUS_AUTH_TOKEN: 'has space in it 1234' } });
    expect(error.message).not.toContain('space in it');
    expect(error.message).toContain('got a text of 20 characters');
  });

  it('fails when a given config file does not exist', async () => {
    const error = await failure({ file: join(dir, 'missing.json') });
    expect(error.message).toMatch(/missing\.json does not exist$/);
  });
});
