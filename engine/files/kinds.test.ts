/**
 * @module Tests of the table of file kinds: which kind a file is, the order files are found in, each kind
 * checked and formatted by its own code, and what the watcher does on a change.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { builtinTargetTypes, createTargetRegistry } from '../bus/targets/index.js';
import { checkFiles } from './check.js';
import { FILE_KINDS, fileKindOf, findKindFiles } from './kinds.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-kinds-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const context = {
  registry: createRegistry([]),
  targets: createTargetRegistry(builtinTargetTypes),
  sourceTypes: [],
  connectionTypes: new Map(),
};

describe('fileKindOf', () => {
  it.each([
    ['flows/a.flow.json', 'flow', 'flow'],
    ['flows/a.test.json', 'flow test', 'none'],
    ['flows/a.rule.json', 'rule', 'bus'],
    ['flows/a.bus.json', 'bus', 'bus'],
    ['flows/a.source.json', 'source', 'bus'],
    ['flows/environments/production.env.json', 'environment', 'none'],
  ])('%s is a %s file, watched as %s', (path, name, watch) => {
    expect(fileKindOf(path)).toMatchObject({ name, watch });
  });

  it('knows no other file', () => {
    expect(fileKindOf('flows/events/cvm.json')).toBeUndefined();
    expect(fileKindOf('flows/a.flow.json.tmp')).toBeUndefined();
  });

  it('has one suffix per kind', () => {
    expect(new Set(FILE_KINDS.map((kind) => kind.suffix)).size).toBe(FILE_KINDS.length);
  });
});

describe('findKindFiles', () => {
  it('finds every kind under a folder, in the table order and then by path', async () => {
    const root = join(dir, 'find');
    await mkdir(join(root, 'environments'), { recursive: true });
    const names = ['b.rule.json', 'environments/p.env.json', 'a.flow.json', 'a.test.json', 'z.flow.json', 'notes.json'];
    for (const name of names) await writeFile(join(root, name), '{}');
    const found = await findKindFiles([root]);
    expect(found.map(({ file, kind }) => [file.slice(root.length + 1), kind.name])).toEqual([
      ['a.flow.json', 'flow'],
      ['z.flow.json', 'flow'],
      ['a.test.json', 'flow test'],
      ['b.rule.json', 'rule'],
      ['environments/p.env.json', 'environment'],
    ]);
  });
});

describe('checkFiles', () => {
  it('checks each kind with its own checker, rules against the buses found beside them', async () => {
    const root = join(dir, 'check');
    await mkdir(root, { recursive: true });
    const files = {
      'shop.bus.json': { format: 'flowbus/bus@1', name: 'Shop' },
      'ok.rule.json': { format: 'flowbus/rule@1', name: 'Ok', bus: 'shop', pattern: { source: ['a'] }, targets: [{ id: 'l', type: 'log-store' }] },
      'lost.rule.json': { format: 'flowbus/rule@1', name: 'Lost', bus: 'nowhere', pattern: { source: ['a'] }, targets: [{ id: 'l', type: 'log-store' }] },
      'bad.env.json': { format: 'flowbus/environment@1', name: 'Bad', variables: { A: 1 } },
    };
    for (const [name, document] of Object.entries(files)) await writeFile(join(root, name), JSON.stringify(document));
    const found = (await findKindFiles([root])).map(({ file }) => file);
    const { issues, files: checked } = await checkFiles([...found, join(root, 'missing.flow.json')], context);
    expect(checked).toHaveLength(5);
    const where = issues.map((issue) => `${issue.file!.slice(root.length + 1)}:${issue.pointer}:${issue.code}`);
    expect(where).toContain('lost.rule.json:/bus:unknown-bus');
    expect(where.some((entry) => entry.startsWith('bad.env.json:/variables/A'))).toBe(true);
    expect(where).toContain('missing.flow.json::read-error');
    expect(where.filter((entry) => entry.startsWith('ok.rule.json') || entry.startsWith('shop.bus.json'))).toEqual([]);
  });
});

describe('format', () => {
  it('writes each kind with its own key order', () => {
    const document = { variables: {}, rules: {}, name: 'N', format: 'f', limits: {}, targets: [], bus: 'b', config: {}, type: 't' };
    const firstKeys = (name: string) => {
      const kind = FILE_KINDS.find((candidate) => candidate.name === name)!;
      return Object.keys(JSON.parse(kind.format(document, context.registry)));
    };
    expect(firstKeys('environment').slice(0, 5)).toEqual(['format', 'name', 'variables', 'rules', 'limits']);
    expect(firstKeys('rule').slice(0, 4)).toEqual(['format', 'name', 'bus', 'targets']);
    expect(firstKeys('source').slice(0, 5)).toEqual(['format', 'name', 'type', 'bus', 'config']);
  });
});
