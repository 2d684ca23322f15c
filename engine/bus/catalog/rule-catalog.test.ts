/**
 * @module Tests of the rule catalog: loading the flows folder, per-bus matching, reloading one file, saving
 * canonically, deleting, and the problems a folder can have.
 */
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRule } from '../files/canonical.js';
import { builtinTargetTypes, createTargetRegistry } from '../targets/index.js';
import { RuleCatalog } from './rule-catalog.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const targets = createTargetRegistry(builtinTargetTypes);

function rule(pattern: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    format: 'flowbus/rule@1',
    name: 'r',
    pattern,
    targets: [{ id: 'archive', type: 'log-store' }],
    ...extra,
  };
}

async function folderWith(files: Record<string, unknown>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-catalog-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return folder;
}

const cvm = { source: 'cvm.cloud.tencent', type: 't' };

describe('RuleCatalog', () => {
  it('loads buses and rules, and matches each bus with its own enabled rules', async () => {
    const folder = await folderWith({
      'retail.bus.json': { format: 'flowbus/bus@1', name: 'Retail', storeEvents: true },
      'cvm.rule.json': rule({ source: 'cvm.cloud.tencent' }),
      'orders.rule.json': rule({ source: ['orders'] }, { bus: 'retail' }),
      'off.rule.json': rule({ source: 'cvm.cloud.tencent' }, { enabled: false }),
      'broken.rule.json': '{"format": ',
      'lost.rule.json': rule({ a: 1 }, { bus: 'nowhere' }),
    });
    const catalog = new RuleCatalog(targets, folder);
    await catalog.reloadAll();
    expect([...catalog.buses.keys()].sort()).toEqual(['default', 'retail']);
    expect(catalog.buses.get('retail')?.document?.storeEvents).toBe(true);
    expect(catalog.match('default', cvm).map((found) => found.id)).toEqual(['cvm']);
    expect(catalog.match('retail', { source: 'orders' }).map((found) => found.id)).toEqual(['orders']);
    expect(catalog.match('retail', cvm)).toEqual([]);
    expect(catalog.match('unknown', cvm)).toEqual([]);
    expect(catalog.rules.get('off')?.rule?.enabled).toBe(false);
    expect(catalog.rules.get('broken')?.issues[0]?.code).toBe('json-syntax');
    expect(catalog.rules.get('lost')?.issues[0]).toMatchObject({ pointer: '/bus', code: 'unknown-bus' });
  });

  it('applies a changed, added or deleted rule file without touching the others', async () => {
    const folder = await folderWith({ 'a.rule.json': rule({ source: 'cvm.cloud.tencent' }) });
    const catalog = new RuleCatalog(targets, folder);
    await catalog.reloadAll();
    await writeFile(join(folder, 'a.rule.json'), JSON.stringify(rule({ source: 'cos.cloud.tencent' })));
    await catalog.reloadFile(join(folder, 'a.rule.json'));
    expect(catalog.match('default', cvm)).toEqual([]);
    await writeFile(join(folder, 'b.rule.json'), JSON.stringify(rule({ type: 't' })));
    await catalog.reloadFile(join(folder, 'b.rule.json'));
    expect(catalog.match('default', cvm).map((found) => found.id)).toEqual(['b']);
    await writeFile(join(folder, 'b.rule.json'), JSON.stringify(rule({ type: [] })));
    await catalog.reloadFile(join(folder, 'b.rule.json'));
    expect(catalog.match('default', cvm)).toEqual([]);
    expect(catalog.rules.get('b')?.issues.length).toBeGreaterThan(0);
    await unlink(join(folder, 'b.rule.json'));
    await catalog.reloadFile(join(folder, 'b.rule.json'));
    expect(catalog.rules.has('b')).toBe(false);
    await catalog.reloadFile(join(folder, 'notes.txt'));
    expect([...catalog.rules.keys()]).toEqual(['a']);
  });

  it('reloads everything when a bus file changes, so rules on a new bus become valid', async () => {
    const folder = await folderWith({ 'o.rule.json': rule({ source: 'orders' }, { bus: 'retail' }) });
    const catalog = new RuleCatalog(targets, folder);
    await catalog.reloadAll();
    expect(catalog.rules.get('o')?.rule).toBeUndefined();
    await writeFile(
      join(folder, 'retail.bus.json'),
      JSON.stringify({ format: 'flowbus/bus@1', name: 'Retail' }),
    );
    await catalog.reloadFile(join(folder, 'retail.bus.json'));
    expect(catalog.match('retail', { source: 'orders' }).map((found) => found.id)).toEqual(['o']);
  });

  it('saves a rule as a canonical file and applies it; refuses an invalid rule or id', async () => {
    const folder = await folderWith({});
    const catalog = new RuleCatalog(targets, folder);
    await catalog.reloadAll();
    const document = rule({ source: 'cvm.cloud.tencent' }, { description: 'CVM' });
    const saved = await catalog.save('cvm-alarms', document);
    expect(saved.created).toBe(true);
    expect(await readFile(join(folder, 'cvm-alarms.rule.json'), 'utf8')).toBe(formatRule(document));
    expect(catalog.match('default', cvm).map((found) => found.id)).toEqual(['cvm-alarms']);
    expect((await catalog.save('cvm-alarms', document)).created).toBe(false);
    await expect(catalog.save('cvm-alarms', rule({ source: [] }))).rejects.toMatchObject({
      type: 'VALIDATION',
      details: { issues: [expect.objectContaining({ pointer: '/pattern/source' })] },
    });
    await expect(catalog.save('../escape', document)).rejects.toMatchObject({ type: 'API:BAD_REQUEST' });
    expect(await catalog.delete('cvm-alarms')).toBe(true);
    expect(await catalog.delete('cvm-alarms')).toBe(false);
    expect(catalog.match('default', cvm)).toEqual([]);
    await expect(readFile(join(folder, 'cvm-alarms.rule.json'))).rejects.toThrow();
  });

  it('cannot save without a flows folder, and reports a rule id used by two files', async () => {
    const readOnly = new RuleCatalog(targets, undefined);
    await readOnly.reloadAll();
    await expect(readOnly.save('x', rule({ a: 1 }))).rejects.toMatchObject({ type: 'BUS:READ_ONLY' });
    const folder = await folderWith({ 'x.rule.json': rule({ a: 1 }) });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(folder, 'team'));
    await writeFile(join(folder, 'team', 'x.rule.json'), JSON.stringify(rule({ b: 1 })));
    const catalog = new RuleCatalog(targets, folder);
    await catalog.reloadAll();
    expect(catalog.rules.get('x')?.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-rule-id', file: join(folder, 'x.rule.json') }),
    ]);
  });
});

describe('concurrent saves', () => {
  // Regression (found by the HTTP property test, seed 891564376): three PUTs of one rule at once shared a
  // temporary file; a rename failed with ENOENT and the API answered 500.
  it('saves one rule three times at once, and deletes it while saving, without failing', async () => {
    const folder = await folderWith({});
    const catalog = new RuleCatalog(targets, folder);
    const saves = [1, 2, 3].map((n) => catalog.save('same', rule({ source: [`s${n}`] })));
    const results = await Promise.all(saves);
    expect(results.map((result) => result.created)).toEqual([true, false, false]);
    expect(JSON.parse(await readFile(join(folder, 'same.rule.json'), 'utf8')).pattern).toEqual({ source: ['s3'] });
    const [deleted] = await Promise.all([catalog.delete('same'), catalog.save('other', rule(cvm))]);
    expect(deleted).toBe(true);
    expect(catalog.rules.has('same')).toBe(false);
  });
});
