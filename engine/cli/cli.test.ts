import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes, connectorSourceTypes, connectorTargetTypes } from '../../connectors/index.js';
import { runCli } from './index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const registry = createAppRegistry();

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const deps = { registry, targetTypes: connectorTargetTypes, connectionTypes: connectorConnectionTypes, sourceTypes: connectorSourceTypes, cwd: root };
  const code = await runCli(argv, { ...deps, out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const flowText = (steps: unknown[]) =>
  JSON.stringify({ format: 'flowbus/flow@1', name: 'T', trigger: { id: 't', type: 'http', config: { path: '/t' } }, steps });

describe('flowbus validate', () => {
  it('accepts the examples', async () => {
    const result = await cli('validate', 'flows');
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/\d+ file\(s\) valid/);
  });

  it('prints every problem of a broken flow as file:pointer: message and exits 1', async () => {
    const file = join(dir, 'broken.flow.json');
    await writeFile(
      file,
      flowText([
        { id: 'a', type: 'set-variabel', config: {} },
        { id: 'a', type: 'set-variable', config: { name: 'x', value: { $expr: 'payload.(' } } },
        { id: 'c', type: 'logger', config: { level: 'LOUD', content: 'x', colour: 'red' } },
      ]),
    );
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    const lines = result.err.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/broken\.flow\.json:\/steps\/0\/type: .*set-variable/),
        expect.stringMatching(/broken\.flow\.json:\/steps\/1\/id: .*"a"/),
        expect.stringMatching(/broken\.flow\.json:\/steps\/1\/config\/value: .*line 1, column/),
        expect.stringMatching(/broken\.flow\.json:\/steps\/2\/config\/level: /),
        expect.stringMatching(/broken\.flow\.json:\/steps\/2\/config\/colour: /),
      ]),
    );
    expect(lines.at(-1)).toMatch(/problem\(s\) in 1 of 1 file\(s\)/);
  });

  it('prints warnings as file:pointer: warning: lines and still exits 0', async () => {
    const file = join(dir, 'warned.flow.json');
    await writeFile(file, flowText([{ id: 'log', type: 'logger', config: { content: { $expr: 'error.message' } } }]));
    const result = await cli('validate', file);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/warned\.flow\.json:\/steps\/0\/config\/content: warning: reads `error` outside a Catch handler.* \(step "log"\)/);
    expect(result.out).toBe('1 file(s) valid; 1 warning(s)');
  });

  it('reports a message-push target whose time zone this runtime does not know, with file and pointer', async () => {
    const file = join(dir, 'push.rule.json');
    const receivers = [{ channels: ['email'], email: { connection: 'smtp', to: ['ops@example.com'] } }];
    const target = { id: 'notify', type: 'message-push', config: { receivers, timeZone: 'Mars/Olympus_Mons' } };
    await writeFile(file, JSON.stringify({ format: 'flowbus/rule@1', name: 'P', pattern: { source: ['x'] }, targets: [target] }));
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/push\.rule\.json:\/targets\/0\/config\/timeZone: timeZone: unknown time zone "Mars\/Olympus_Mons"/);
  });

  it('reports a JSON syntax error with its line', async () => {
    const file = join(dir, 'syntax.flow.json');
    await writeFile(file, '{\n  "format": "flowbus/flow@1",\n}\n');
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/syntax\.flow\.json:\/: .*line 3/);
  });

  // Regression (issue 10): a 30,000-deep literal used to overflow the stack instead of being reported.
  it('reports a flow nested too deeply with its file, pointer and limit; fmt leaves it alone', async () => {
    const file = join(dir, 'deep', 'deep.flow.json');
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    await mkdir(join(dir, 'deep'), { recursive: true });
    const text = flowText([{ id: 's', type: 'set-payload', config: { value: 'DEEP' } }]);
    await writeFile(file, text.replace('"DEEP"', deep));
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    const pointer = `/steps/0/config/value${'/0'.repeat(124)}`;
    expect(result.err).toContain(`deep.flow.json:${pointer}: JSON nests deeper than 128 levels at ${pointer}`);
    const formatted = await cli('fmt', file);
    expect(formatted.code).toBe(1);
    expect(formatted.err).toContain('JSON nests deeper than 128 levels');
  });
});

describe('flowbus fmt', () => {
  it('finds unformatted files with --check, formats them, and then changes no byte', async () => {
    const file = join(dir, 'fmt', 'messy.flow.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'fmt')));
    await writeFile(file, flowText([{ config: { value: 1, name: 'x' }, type: 'set-variable', id: 'v' }]));
    expect((await cli('fmt', '--check', join(dir, 'fmt'))).code).toBe(1);
    expect((await cli('fmt', join(dir, 'fmt'))).code).toBe(0);
    const once = await readFile(file, 'utf8');
    expect(once).toContain('"id": "v",\n      "type": "set-variable",\n      "config": {\n        "name": "x",\n        "value": 1');
    expect((await cli('fmt', '--check', join(dir, 'fmt'))).code).toBe(0);
    await cli('fmt', join(dir, 'fmt'));
    expect(await readFile(file, 'utf8')).toBe(once);
  });

  it('formats a source file: root keys in order, config keys sorted', async () => {
    const file = join(dir, 'fmt-source', 'hook.source.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'fmt-source')));
    const messy = { config: { type: 't', auth: 'none' }, type: 'url-callback', name: 'Hook', format: 'flowbus/source@1' };
    await writeFile(file, JSON.stringify(messy));
    expect((await cli('fmt', '--check', join(dir, 'fmt-source'))).code).toBe(1);
    expect((await cli('fmt', join(dir, 'fmt-source'))).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toBe(
      '{\n  "format": "flowbus/source@1",\n  "name": "Hook",\n  "type": "url-callback",\n  "config": {\n' +
        '    "auth": "none",\n    "type": "t"\n  }\n}\n',
    );
    expect((await cli('fmt', '--check', join(dir, 'fmt-source'))).code).toBe(0);
  });

  // Regression: fmt wrote environment files with the rule writer, which put `limits` and `rules` before
  // `variables` and so rewrote a canonical environment file.
  it('formats an environment file with the environment writer, and leaves a canonical one as it is', async () => {
    const folder = join(dir, 'fmt-env', 'environments');
    await mkdir(folder, { recursive: true });
    const canonical =
      '{\n  "format": "flowbus/environment@1",\n  "name": "Staging",\n  "variables": {\n    "REGION": "ap-shanghai"\n' +
      '  },\n  "rules": {\n    "cvm": {\n      "enabled": false\n    }\n  },\n  "limits": {\n    "bodyBytes": 1024\n  }\n}\n';
    await writeFile(join(folder, 'staging.env.json'), canonical);
    const messy = { limits: { bodyBytes: 1024 }, rules: { cvm: { enabled: false } }, name: 'Staging', variables: { REGION: 'ap-shanghai' }, format: 'flowbus/environment@1' };
    await writeFile(join(folder, 'messy.env.json'), JSON.stringify(messy));
    const checked = await cli('fmt', '--check', join(dir, 'fmt-env'));
    expect(checked.code).toBe(1);
    expect(checked.err).toContain('messy.env.json: not in canonical format');
    expect(checked.err).not.toContain('staging.env.json');
    expect((await cli('fmt', join(dir, 'fmt-env'))).code).toBe(0);
    expect(await readFile(join(folder, 'staging.env.json'), 'utf8')).toBe(canonical);
    expect(await readFile(join(folder, 'messy.env.json'), 'utf8')).toBe(canonical);
  });

  it('says the examples are formatted', async () => {
    expect((await cli('fmt', '--check', 'flows')).code).toBe(0);
  });
});

describe('flowbus run', () => {
  it('prints the markdown built from the event and a trace of every step', async () => {
    const result = await cli('run', 'flows/alarm-to-wecom.flow.json', '--input', 'flows/events/cvm-guest-reboot.json', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain('实例 ID: <font color=\\"comment\\">ins-sjksjk</font>');
    for (const step of ['body', 'markdown', 'send']) expect(result.out).toMatch(new RegExp(`[✓~] +${step} `));
  });

  it('gives the machine form with --json', async () => {
    const result = await cli('run', 'flows/stock-batch.flow.json', '--input', '{"delivery":"D","lines":[]}', '--json');
    const record = JSON.parse(result.out);
    expect(record).toMatchObject({ status: 'succeeded', result: { payload: { delivery: 'D', lines: 0 } } });
  });

  it('exits 1 and shows the error of a failed execution', async () => {
    const result = await cli('run', 'flows/stock-batch.flow.json', '--input', '{"lines":"x"}');
    expect(result.code).toBe(1);
    expect(result.out).toContain('error at step "each-line": VALIDATION');
  });
});

describe('flowbus test', () => {
  it('reports passing and failing cases and exits 1 on a failure', async () => {
    const folder = join(dir, 'tests');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await writeFile(join(folder, 'double.flow.json'), flowText([{ id: 'd', type: 'set-payload', config: { value: { $expr: 'payload * 2' } } }]));
    await writeFile(
      join(folder, 'double.test.json'),
      JSON.stringify({
        format: 'flowbus/flow-test@1',
        cases: [
          { name: 'doubles', input: { payload: 2 }, expect: { payload: 4 } },
          { name: 'is wrong on purpose', input: { payload: 3 }, expect: { payload: 7 } },
        ],
      }),
    );
    const result = await cli('test', folder);
    expect(result.code).toBe(1);
    expect(result.out).toContain('✓ doubles');
    expect(result.out).toContain('payload: expected 7, got 6');
    expect(result.out).toContain('1 passed, 1 failed');
  });

  it('passes on the examples', async () => {
    const result = await cli('test', 'flows');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\d+ passed, 0 failed/);
  });
});

describe('usage', () => {
  it.each([
    [['nope'], 'unknown command "nope"'],
    [['run'], 'run takes one flow file'],
    [['run', 'flows/stock-batch.flow.json', '--bogus'], "Unknown option '--bogus'"],
    [['serve', '--port', 'abc'], '--port takes a port number from 0 to 65535, got "abc"'],
    [['serve', '--port', '70000'], '--port takes a port number from 0 to 65535, got "70000"'],
  ])('%j exits 2 with %s', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});

it('runs as `npx flowbus` through bin/flowbus.js', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/flowbus.js', 'validate', 'flows'], { cwd: root });
  expect(stdout).toMatch(/file\(s\) valid/);
});
