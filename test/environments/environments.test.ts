/**
 * Environments end to end: `flowbus validate --env` on a flows folder, and `flowbus serve --env` running the
 * same flows against two environments' connections (two fake WeCom robots) and variables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes, connectorTargetTypes } from '../../connectors/index.js';
import { runCli } from '../../engine/cli/index.js';
import { startFakeWecom, type FakeWecom } from '../fakes/index.js';
import { waitFor } from '../stories/story-server.js';

const root = new URL('../../', import.meta.url);
const registry = createAppRegistry();
let dir: string;
let fakes: Record<'staging' | 'production', FakeWecom>;

const environment = (name: string, extra: Record<string, unknown> = {}) => ({
  format: 'flowbus/environment@1',
  name,
  connections: { 'ops-wecom': { type: 'wecom-robot', values: { webhook: { $secret: 'OPS_WECOM_WEBHOOK' } } } },
  variables: { FLOWBUS_VAR_STAGE: name },
  ...extra,
});

async function write(path: string, document: unknown) {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), `${JSON.stringify(document, null, 2)}\n`);
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const deps = { registry, connectionTypes: connectorConnectionTypes, targetTypes: connectorTargetTypes, cwd: dir };
  const code = await runCli(argv, { ...deps, out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-env-'));
  fakes = { staging: await startFakeWecom(), production: await startFakeWecom() };
  const flow = JSON.parse(await readFile(new URL('flows/alarm-to-wecom.flow.json', root), 'utf8'));
  // The message says which environment sent it, through a variable each environment defines.
  flow.steps[1].config.value.$template = `[{{ $env('FLOWBUS_VAR_STAGE') }}] ${flow.steps[1].config.value.$template}`;
  await write('flows/alarm-to-wecom.flow.json', flow);
  const rule = JSON.parse(await readFile(new URL('flows/cvm-alarms-to-im.rule.json', root), 'utf8'));
  rule.targets = rule.targets.filter((target: { id: string }) => target.id === 'wecom');
  await write('flows/cvm-alarms-to-im.rule.json', rule);
  await write('flows/environments/staging.env.json', environment('staging', { limits: { executionTimeoutMs: 20000 } }));
  await write('flows/environments/production.env.json', environment('production'));
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(fakes ?? {}).map((fake) => fake.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('flowbus validate --env', () => {
  it('accepts the flows in an environment that defines what they use', async () => {
    expect(await cli('validate', 'flows', '--env', 'production')).toMatchObject({ code: 0, out: '4 file(s) valid' });
  });

  it('reports a connection and a variable the environment lacks, with file, step and name', async () => {
    await write('flows/environments/bare.env.json', { format: 'flowbus/environment@1', name: 'Bare' });
    const result = await cli('validate', 'flows', '--env', 'bare');
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      'flows/alarm-to-wecom.flow.json:/steps/1/config/value: variable "FLOWBUS_VAR_STAGE" read by $env is not defined in ' +
        'environment "Bare" (bare.env.json) (step "markdown")',
      'flows/alarm-to-wecom.flow.json:/steps/2/steps/0/config/connection: connection "ops-wecom" (wecom-robot) is not defined in ' +
        'environment "Bare" (bare.env.json) (step "send")',
      '2 problem(s) in 1 of 5 file(s)',
    ]);
    await rm(join(dir, 'flows/environments/bare.env.json'));
  });

  it('says when the environment file does not exist', async () => {
    const result = await cli('validate', 'flows', '--env', 'qa');
    expect(result.code).toBe(1);
    expect(result.err).toContain('environments/qa.env.json:/: no such environment file');
  });
});

/** `flowbus serve --env NAME` in its own process; resolves once it serves. */
async function serve(name: string, webhook: string | undefined): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const args = ['bin/flowbus.js', 'serve', '--env', name, '--port', '0', '--flows', join(dir, 'flows'), '--data', join(dir, `data-${name}`)];
  const env: NodeJS.ProcessEnv = { ...process.env, FLOWBUS_SECRET_KEY: randomBytes(32).toString('base64'), FLOWBUS_LOG_LEVEL: 'info' };
  if (webhook === undefined) delete env.OPS_WECOM_WEBHOOK;
  else env.OPS_WECOM_WEBHOOK = webhook;
  const child = spawn(process.execPath, args, { cwd: new URL('.', root).pathname, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve --env ${name} exited with ${code}: ${output}`)));
    const check = setInterval(() => {
      const match = /flowbus is serving on (\S+)/.exec(output);
      if (match) {
        clearInterval(check);
        resolve(match[1]!);
      }
    }, 50);
    child.once('exit', () => clearInterval(check));
  });
  child.removeAllListeners('exit');
  return { child, url, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('flowbus serve --env', () => {
  it('runs the same flows against each environment’s connection and variables', async () => {
    const servers = await Promise.all([serve('staging', fakes.staging.url), serve('production', fakes.production.url)]);
    try {
      for (const { url } of servers) {
        const sent = await fetch(`${url}/api/event-templates/cvm-instance-reboot/send`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: { instanceId: 'ins-env' } }),
        });
        expect(sent.status).toBe(202);
      }
      for (const name of ['staging', 'production'] as const) {
        await waitFor(() => (fakes[name].received.length > 0 ? true : undefined), `a message on the ${name} robot`, 60_000);
        const text = JSON.stringify(fakes[name].received[0]!.body);
        expect(text).toContain(`[${name}]`);
        expect(text).toContain('收到告警信息');
      }
      expect(fakes.staging.received).toHaveLength(1);
      expect(fakes.production.received).toHaveLength(1);
      expect(servers[0]!.output()).toContain('"environment":"staging"');
      // The webhook holds the robot's key: it is a secret, never logged.
      for (const server of servers) expect(server.output()).not.toContain(fakes.staging.key);
      expect(servers[1]!.output()).not.toContain(fakes.production.key);
    } finally {
      await Promise.all(servers.map((server) => stop(server.child)));
    }
  }, 120_000);

  it('refuses to start when a secret the environment references is not set', async () => {
    await expect(serve('production', undefined)).rejects.toThrow(
      /flowbus serve: \S*environments\/production\.env\.json:\/connections\/ops-wecom\/values\/webhook: environment variable OPS_WECOM_WEBHOOK is not set/,
    );
  }, 60_000);
});
