/**
 * @module Tests of parsing, loading and finding flow files, with JSON syntax errors and missing files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFlow } from './canonical.js';
import { findFlowFiles, loadFlowFile, parseFlowText } from './load.js';
import { createTestRegistry } from './test-registry.js';

const registry = createTestRegistry();

const echo = {
  format: 'flowbus/flow@1',
  name: 'Echo',
  trigger: { id: 'in', type: 'http', config: { path: '/echo' } },
  steps: [{ id: 'call', type: 'flow-reference', config: { flow: 'shared' } }],
};

describe('parseFlowText', () => {
  it('returns the document of a valid flow', () => {
    const result = parseFlowText(JSON.stringify(echo), 'flows/echo.flow.json', registry);
    expect(result).toEqual({ document: echo, json: echo, issues: [] });
  });

  it('ignores a byte order mark', () => {
    expect(parseFlowText(`\uFEFF${JSON.stringify(echo)}`, 'echo.flow.json', registry).document).toEqual(echo);
  });

  it.each([
    { text: '{\n  "format": "flowbus/flow@1",\n  "name": "x",\n}\n', line: 4, column: 1, fragment: 'comma' },
    { text: '{\n  "name": "x"\n  "steps": []\n}', line: 3, column: 3, fragment: 'expected "," or "}"' },
    { text: '', line: 1, column: 1, fragment: 'unexpected end of the text' },
    { text: '{"name": "caf\u00e9", oops}', line: 1, column: 18, fragment: 'property name in double quotes' },
  ])('reports a JSON syntax error as one issue at $line:$column', ({ text, line, column, fragment }) => {
    const result = parseFlowText(text, 'flows/bad.flow.json', registry);
    expect(result.document).toBeUndefined();
    expect(result.json).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({ file: 'flows/bad.flow.json', pointer: '', code: 'json-syntax' });
    expect(issue.message).toContain(`line ${line}, column ${column}`);
    expect(issue.message).toContain(fragment);
  });

  it('gives the parsed JSON but no document when the flow is invalid', () => {
    const invalid = { ...echo, steps: [{ id: 'x', type: 'nope' }] };
    const result = parseFlowText(JSON.stringify(invalid), 'flows/x.flow.json', registry);
    expect(result.document).toBeUndefined();
    expect(result.json).toEqual(invalid);
    expect(result.issues).toMatchObject([
      { file: 'flows/x.flow.json', code: 'unknown-step-type', stepId: 'x' },
    ]);
  });

  it('checks flow references against the known flows', () => {
    const knownFlows = new Set(['echo']);
    const result = parseFlowText(JSON.stringify(echo), 'echo.flow.json', registry, { knownFlows });
    expect(result.issues).toMatchObject([{ code: 'unknown-flow', pointer: '/steps/0/config/flow' }]);
  });
});

describe('loading flow files', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'flow-load-'));
    const files: Record<string, string> = {
      'flows/echo.flow.json': formatFlow(echo, registry),
      'flows/broken.flow.json': '{ "format": ',
      'flows/team/b.flow.json': formatFlow(echo),
      'flows/team/a.flow.json': formatFlow(echo),
      'flows/team/notes.json': '{}',
      'flows/team/deep/z.flow.json': formatFlow(echo),
      'flows/node_modules/pkg/skip.flow.json': '{}',
      'flows/.git/skip.flow.json': '{}',
      'flows/.hidden.flow.json': formatFlow(echo),
      'other/single.json': '{}',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds *.flow.json files recursively, skipping node_modules and dot-folders, sorted', async () => {
    const found = await findFlowFiles([join(root, 'flows')]);
    expect(found.map((path) => path.slice(root.length + 1))).toEqual([
      'flows/.hidden.flow.json',
      'flows/broken.flow.json',
      'flows/echo.flow.json',
      'flows/team/a.flow.json',
      'flows/team/b.flow.json',
      'flows/team/deep/z.flow.json',
    ]);
  });

  it('keeps flow files as given, even missing ones, once each, and leaves other files out', async () => {
    const single = join(root, 'other/single.json');
    const missing = join(root, 'flows/missing.flow.json');
    const team = join(root, 'flows/team');
    const found = await findFlowFiles([single, missing, team, join(team, 'a.flow.json')]);
    const inTeam = ['a.flow.json', 'b.flow.json', 'deep/z.flow.json'].map((name) => join(team, name));
    expect(found).toEqual([missing, ...inTeam]);
  });

  it('loads a valid file with its id', async () => {
    const path = join(root, 'flows/echo.flow.json');
    const loaded = await loadFlowFile(path, registry, { file: 'flows/echo.flow.json' });
    expect(loaded).toMatchObject({ id: 'echo', file: 'flows/echo.flow.json', document: echo, issues: [] });
  });

  it('loads a file with a JSON syntax error as one issue', async () => {
    const path = join(root, 'flows/broken.flow.json');
    const loaded = await loadFlowFile(path, registry);
    expect(loaded.id).toBe('broken');
    expect(loaded.document).toBeUndefined();
    expect(loaded.issues).toMatchObject([{ file: path, pointer: '/format', code: 'json-syntax' }]);
    expect(loaded.issues[0].message).toContain('line 1, column 13');
  });

  it('reports a file that cannot be read', async () => {
    const path = join(root, 'flows/missing.flow.json');
    const loaded = await loadFlowFile(path, registry, { file: 'missing.flow.json' });
    expect(loaded).toMatchObject({ id: 'missing', file: 'missing.flow.json' });
    expect(loaded.issues).toMatchObject([{ file: 'missing.flow.json', pointer: '', code: 'read-error' }]);
    expect(loaded.issues[0].message).toContain('no such file');
  });
});
