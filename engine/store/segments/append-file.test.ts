/**
 * @module Tests of the group-commit file: concurrent appends all land, in order, and resolve once written.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppendFile } from './append-file.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function freshFile(sync = true): Promise<{ path: string; file: AppendFile }> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-append-'));
  folders.push(folder);
  const path = join(folder, 'log.jsonl');
  return { path, file: await AppendFile.open(path, { sync }) };
}

describe('AppendFile', () => {
  it('writes concurrent appends in call order, each resolved only when it is in the file', async () => {
    const { path, file } = await freshFile();
    const writes = Array.from({ length: 500 }, async (_, index) => {
      await file.append([`${index}\n`]);
      const text = await readFile(path, 'utf8');
      return text.startsWith(`${index}\n`) || text.includes(`\n${index}\n`);
    });
    expect(await Promise.all(writes)).toEqual(Array(500).fill(true));
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map(Number);
    expect(lines).toEqual(Array.from({ length: 500 }, (_, index) => index));
    await file.close();
  });

  it('counts its size, appends after what the file held, and refuses appends once closed', async () => {
    const { path, file } = await freshFile(false);
    await file.append(['ab\n', 'ü\n']);
    expect(file.size).toBe(6);
    await file.close();
    const again = await AppendFile.open(path, { sync: false });
    expect(again.size).toBe(6);
    await again.append(['c\n']);
    expect(await readFile(path, 'utf8')).toBe('ab\nü\nc\n');
    await again.close();
    await expect(again.append(['d\n'])).rejects.toThrow(/closed/);
  });

  it('close waits for appends still in flight', async () => {
    const { path, file } = await freshFile();
    const pending = file.append(['last\n']);
    await file.close();
    await pending;
    expect(await readFile(path, 'utf8')).toBe('last\n');
  });

  it('writes bytes as given, and nothing before the promise it is held on settles', async () => {
    const { path, file } = await freshFile();
    let release!: () => void;
    file.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    let written = false;
    const append = file.append([Buffer.from('bytes\n'), 'text\n']).then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('');
    release();
    await append;
    expect(await readFile(path, 'utf8')).toBe('bytes\ntext\n');
    expect(file.size).toBe(11);
    await file.close();
  });
});
