/**
 * @module Tests of an environment's rule switches: they win over the rule files' `enabled`, both ways.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { builtinTargetTypes, createTargetRegistry } from '../targets/index.js';
import { RuleCatalog } from './rule-catalog.js';

let folder: string;
afterAll(() => rm(folder, { recursive: true, force: true }));

it('matches the rules an environment switches on and not those it switches off', async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-switch-'));
  const rule = (enabled: boolean) => ({
    format: 'flowbus/rule@1',
    name: 'r',
    enabled,
    pattern: { source: ['cvm.cloud.tencent'] },
    targets: [{ id: 'archive', type: 'log-store' }],
  });
  await writeFile(join(folder, 'on-in-file.rule.json'), JSON.stringify(rule(true)));
  await writeFile(join(folder, 'off-in-file.rule.json'), JSON.stringify(rule(false)));
  await writeFile(join(folder, 'untouched.rule.json'), JSON.stringify(rule(true)));
  const switches = new Map([['on-in-file', false], ['off-in-file', true]]);
  const catalog = new RuleCatalog(createTargetRegistry(builtinTargetTypes), folder, undefined, (id) => switches.get(id));
  await catalog.reloadAll();
  const matched = catalog.match('default', { source: 'cvm.cloud.tencent' }).map((compiled) => compiled.id);
  expect(matched.sort()).toEqual(['off-in-file', 'untouched']);
  const plain = new RuleCatalog(createTargetRegistry(builtinTargetTypes), folder);
  await plain.reloadAll();
  expect(plain.match('default', { source: 'cvm.cloud.tencent' }).map((compiled) => compiled.id).sort()).toEqual(['on-in-file', 'untouched']);
});
