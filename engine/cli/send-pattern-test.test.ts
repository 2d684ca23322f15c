/**
 * @module Tests of `flowbus send` against a bus on loopback and `flowbus pattern-test` on files, run through
 * `runCli`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './index.js';
import { createRegistry } from '../core/registry.js';
import { startBusApp, type BusApp } from '../server/api/testing.js';
import { patternTestCommand } from './pattern-test.js';
import { createSendCommand } from './send.js';

let app: BusApp;
let folder: string;

beforeAll(async () => {
  app = await startBusApp({ 'retail.bus.json': { format: 'flowbus/bus@1', name: 'Retail' } });
  folder = await mkdtemp(join(tmpdir(), 'flowbus-cli-'));
  const files: Record<string, unknown> = {
    'event.json': {
      specversion: '1.0',
      id: 'cli-1',
      source: 'cvm.cloud.tencent',
      type: 'cvm:ErrorEvent:DiskReadOnly',
      subject: 'ins-1',
    },
    'batch.json': [
      { specversion: '1.0', id: 'cli-2', source: 's', type: 't' },
      { specversion: '1.0', id: 'cli-3', type: 't' },
    ],
    'put.json': { EventList: [{ Source: 'orders', Type: 'order:created', Id: 'cli-4' }] },
    'match.json': { source: ['cvm.cloud.tencent'], subject: [{ prefix: 'ins-' }] },
    'miss.json': { source: ['cvm.cloud.tencent'], type: ['cvm:ErrorEvent:PingUnreachable'] },
    'bad.json': { source: [{ prefix: 1 }] },
  };
  for (const [name, content] of Object.entries(files)) await writeFile(
    join(folder, name),
    JSON.stringify(content),
  );
});

afterAll(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps = {
    registry: createRegistry([]),
    out: (text: string) => out.push(text),
    err: (text: string) => err.push(text),
    cwd: folder,
  };
  const code = await runCli(
    argv,
    deps,
    { send: createSendCommand({ env }), 'pattern-test': patternTestCommand },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('flowbus send', () => {
  it('sends one event to the server of --url and prints its id', async () => {
    expect(await cli(['send', 'event.json', '--url', app.url])).toEqual({
      code: 0,
      out: 'accepted cli-1',
      err: '',
    });
    expect(app.bus.traces.get('cli-1', 'default')).toBeDefined();
  });

  it('sends a batch to a named bus found through FLOWBUS_URL, and says what was rejected', async () => {
    const result = await cli(['send', 'batch.json', '--bus', 'retail'], { FLOWBUS_URL: `${app.url}/` });
    expect(result.code).toBe(1);
    expect(result.out).toBe('accepted cli-2');
    expect(result.err).toContain('rejected: event 1:');
    expect(app.bus.traces.get('cli-2', 'retail')).toBeDefined();
  });

  it('sends a PutEvents request', async () => {
    expect((await cli(['send', 'put.json', '--url', app.url])).out).toBe('accepted cli-4');
  });

  it.each([
    [['send'], 'send takes one event file'],
    [['send', 'missing.json'], 'neither JSON nor a readable file'],
  ])('%j is a usage error', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it('prints the error of a refused request', async () => {
    const refused = await cli(['send', 'event.json', '--bus', 'nope', '--url', app.url]);
    expect(refused).toEqual({ code: 1, out: '', err: 'BUS:NOT_FOUND: no bus "nope"' });
  });

  it('says when the server cannot be reached', async () => {
    const result = await cli(['send', 'event.json', '--url', 'http://127.0.0.1:1']);
    expect(result).toMatchObject({
      code: 1,
      err: expect.stringContaining('cannot reach http://127.0.0.1:1/events'),
    });
  });
});

describe('flowbus pattern-test', () => {
  it('prints match and exits 0', async () => {
    expect(await cli(['pattern-test', 'match.json', 'event.json'])).toEqual({
      code: 0,
      out: 'match',
      err: '',
    });
  });

  it('prints the failing field and why, and exits 1', async () => {
    const result = await cli(['pattern-test', 'miss.json', 'event.json']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^no match\n {2}\/type: "cvm:ErrorEvent:DiskReadOnly" does not match/);
  });

  it('prints the JSON result with --json', async () => {
    const result = await cli(['pattern-test', '--json', 'miss.json', 'event.json']);
    expect(JSON.parse(result.out)).toMatchObject({ match: false, failures: [{ pointer: '/type' }] });
  });

  it('takes inline JSON and reports an invalid pattern with its pointer', async () => {
    expect((await cli(['pattern-test', '{"subject": ["ins-1"]}', 'event.json'])).code).toBe(0);
    expect(await cli(['pattern-test', 'bad.json', 'event.json'])).toMatchObject({
      code: 1,
      err: 'bad.json:/source/0/prefix: "prefix" takes a string, found a number',
    });
  });

  it('needs two arguments', async () => {
    expect((await cli(['pattern-test', 'match.json'])).code).toBe(2);
  });
});
