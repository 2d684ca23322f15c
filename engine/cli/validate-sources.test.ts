/**
 * @module Tests of `flowbus validate` on source files: checked against the source types and the buses found.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes, connectorSourceTypes, connectorTargetTypes } from '../../connectors/index.js';
import { runCli } from './index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-cli-sources-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function validate(files: Record<string, unknown>) {
  const folder = await mkdtemp(join(dir, 'case-'));
  for (const [name, document] of Object.entries(files)) await writeFile(join(folder, name), JSON.stringify(document));
  const out: string[] = [];
  const err: string[] = [];
  const deps = {
    registry: createAppRegistry(),
    targetTypes: connectorTargetTypes,
    connectionTypes: connectorConnectionTypes,
    sourceTypes: connectorSourceTypes,
    cwd: folder,
  };
  const code = await runCli(['validate', '.'], { ...deps, out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const source = (overrides: Record<string, unknown>) => ({ format: 'flowbus/source@1', name: 'S', ...overrides });

describe('flowbus validate on source files', () => {
  it('accepts valid sources on a bus found beside them', async () => {
    const result = await validate({
      'shop.bus.json': { format: 'flowbus/bus@1', name: 'Shop' },
      'hook.source.json': source({ type: 'url-callback', bus: 'shop', config: {} }),
      'erp.source.json': source({ type: 'rabbitmq', bus: 'shop', config: { url: 'amqp://127.0.0.1:5672', queue: 'erp' } }),
    });
    expect(result).toMatchObject({ code: 0, out: '3 file(s) valid' });
  });

  it.each([
    ['an unknown bus', source({ type: 'url-callback', bus: 'nowhere', config: {} }), '/bus'],
    ['an unknown type', source({ type: 'kafka', config: {} }), '/type'],
    ['a token check without its connection', source({ type: 'url-callback', config: { auth: 'token' } }), '/config/connection'],
  ])('reports %s with the file and pointer', async (_name, document, pointer) => {
    const result = await validate({ 'bad.source.json': document });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`bad.source.json:${pointer}`);
  });
});
