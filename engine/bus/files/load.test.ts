/**
 * @module Tests of reading rule and bus files: JSON syntax errors with line and column, finding the files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinTargetTypes, createTargetRegistry } from '../targets/index.js';
import { findBusFiles, parseBusText, parseRuleText } from './load.js';

const targets = createTargetRegistry(builtinTargetTypes);
const folders: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('parseRuleText', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const { issues, rule } = parseRuleText(
      '{\n  "format": "flowbus/rule@1",\n}',
      { id: 'r', file: 'r.rule.json', targets },
    );
    expect(rule).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'r.rule.json',
        pointer: '',
        code: 'json-syntax',
        message: expect.stringContaining('line 3, column 1'),
      }),
    ]);
  });

  it('ignores a byte order mark and compiles a valid rule', () => {
    const document = {
      format: 'flowbus/rule@1',
      name: 'r',
      pattern: { a: 1 },
      targets: [{ id: 't', type: 'log-store' }],
    };
    const text = `\uFEFF${JSON.stringify(document)}`;
    const { issues, rule, json } = parseRuleText(text, { id: 'r', targets });
    expect(issues).toEqual([]);
    expect(rule?.id).toBe('r');
    expect(json).toMatchObject({ name: 'r' });
  });
});

describe('parseBusText', () => {
  it('gives the document of a valid file and the issues of an invalid one', () => {
    expect(parseBusText('{"format":"flowbus/bus@1","name":"Retail"}').document).toEqual({
      format: 'flowbus/bus@1',
      name: 'Retail',
    });
    const invalid = parseBusText('{"format":"flowbus/bus@1"}', 'x.bus.json');
    expect(invalid.document).toBeUndefined();
    expect(invalid.issues[0]).toMatchObject({ file: 'x.bus.json', pointer: '/name', code: 'missing-field' });
    expect(parseBusText('nope').issues[0]?.code).toBe('json-syntax');
  });
});

describe('findBusFiles', () => {
  it('finds rule and bus files recursively, skipping dot folders and node_modules', async () => {
    const root = await mkdtemp(join(tmpdir(), 'flowbus-find-'));
    folders.push(root);
    for (const folder of ['team', '.hidden', 'node_modules']) await mkdir(join(root, folder));
    const files = [
      'b.rule.json',
      'team/a.rule.json',
      'retail.bus.json',
      '.hidden/x.rule.json',
      'node_modules/y.rule.json',
      'c.flow.json',
    ];
    for (const file of files) await writeFile(join(root, file), '{}');
    const found = await findBusFiles(root);
    expect(found.rules).toEqual([join(root, 'b.rule.json'), join(root, 'team/a.rule.json')]);
    expect(found.buses).toEqual([join(root, 'retail.bus.json')]);
    expect(await findBusFiles(join(root, 'missing'))).toEqual({ rules: [], buses: [] });
  });
});
