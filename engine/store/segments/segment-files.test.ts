/**
 * @module Tests of the segment folder: headers, rotation order, and what happens to damaged segments on
 * open (a torn tail cut off, a corrupt segment copied aside, an older segment's cut-short end is corruption).
 */
import { appendFile, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frameRecord, headerRecord } from './frame.js';
import { SegmentFiles } from './segment-files.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-segments-'));
  folders.push(folder);
  return folder;
}

const options = { kind: 'test-log', sync: true, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };
const record = (n: number) => frameRecord(JSON.stringify({ n }));

async function readBack(dir: string): Promise<{ files: SegmentFiles; values: unknown[] }> {
  const files = await SegmentFiles.open(dir, options);
  const values: unknown[] = [];
  for await (const { value } of files.readAll()) values.push(value);
  return { files, values };
}

async function writeSegments(dir: string, count: number, perSegment = 3): Promise<void> {
  const files = await SegmentFiles.open(dir, options);
  await files.start();
  for (let segment = 0; segment < count; segment++) {
    if (segment > 0) await files.rotate();
    const first = segment * perSegment;
    await files.append(Array.from({ length: perSegment }, (_, index) => record(first + index)));
  }
  await files.close();
}

describe('SegmentFiles', () => {
  it('starts every segment with a header and reads the records of all of them in order', async () => {
    const dir = await freshDir();
    await writeSegments(dir, 3);
    expect((await readdir(dir)).sort()).toEqual(['000000000001.seg', '000000000002.seg', '000000000003.seg']);
    const text = await readFile(join(dir, '000000000001.seg'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^[0-9a-f]{8} \{"format":"flowbus\/segment@1","kind":"test-log"\}$/);
    const { files, values } = await readBack(dir);
    expect(values).toEqual(Array.from({ length: 9 }, (_, n) => ({ n })));
    expect(files.damaged).toEqual([]);
  });

  it('cuts a torn tail of the newest segment off, without keeping a copy', async () => {
    const dir = await freshDir();
    await writeSegments(dir, 2);
    const newest = join(dir, '000000000002.seg');
    const intact = (await stat(newest)).size;
    await appendFile(newest, record(99).subarray(0, 6));
    const { files, values } = await readBack(dir);
    expect(values).toHaveLength(6);
    expect(files.damaged).toEqual([
      expect.objectContaining({
        file: newest,
        truncatedTo: intact,
        damages: [expect.objectContaining({ kind: 'torn-tail', offset: intact })],
      }),
    ]);
    expect(files.damaged[0]!.keptAs).toBeUndefined();
    expect((await stat(newest)).size).toBe(intact);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('counts a cut-short end of an older segment as corruption and keeps a copy of it', async () => {
    const dir = await freshDir();
    await writeSegments(dir, 2);
    const older = join(dir, '000000000001.seg');
    const size = (await stat(older)).size;
    await truncate(older, size - 4);
    const { files, values } = await readBack(dir);
    expect(values.map((value) => (value as { n: number }).n)).toEqual([0, 1, 3, 4, 5]);
    const [damaged] = files.damaged;
    expect(damaged).toMatchObject({ file: older, damages: [{ kind: 'corrupt' }] });
    expect(damaged!.keptAs).toBe(`${older}.corrupt-2026-01-02T03-04-05-000Z`);
    expect((await readFile(damaged!.keptAs!)).length).toBe(size - 4);
  });

  it('keeps a copy of a segment with a bad record in the middle and reads the records after it', async () => {
    const dir = await freshDir();
    await writeSegments(dir, 1, 5);
    const file = join(dir, '000000000001.seg');
    const bytes = await readFile(file);
    const at = bytes.indexOf('{"n":2}');
    bytes[at + 5] = '7'.charCodeAt(0);
    await writeFile(file, bytes);
    const { files, values } = await readBack(dir);
    expect(values).toEqual([{ n: 0 }, { n: 1 }, { n: 3 }, { n: 4 }]);
    expect(files.damaged[0]!.damages).toEqual([
      expect.objectContaining({ kind: 'corrupt', offset: at - 9, reason: 'checksum mismatch' }),
    ]);
    expect(await readFile(files.damaged[0]!.keptAs!)).toEqual(bytes);
    const again = await SegmentFiles.open(dir, options);
    expect(again.keptAside).toEqual(['000000000001.seg.corrupt-2026-01-02T03-04-05-000Z']);
  });

  it('treats a torn tail before a segment holding only its header as a crash during rotation', async () => {
    const dir = await freshDir();
    await writeSegments(dir, 1);
    await appendFile(join(dir, '000000000001.seg'), record(9).subarray(0, 5));
    await writeFile(join(dir, '000000000002.seg'), headerRecord('test-log'));
    const { files } = await readBack(dir);
    expect(files.damaged.map((damaged) => damaged.damages[0]!.kind)).toEqual(['torn-tail']);
  });

  it('reads legacy JSON-lines segments and numbers new segments after them', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, '000000000004.jsonl'), '{"n":1}\n{"n":2}\n');
    const { files, values } = await readBack(dir);
    expect(values).toEqual([{ n: 1 }, { n: 2 }]);
    await files.start();
    expect(files.active).toBe(5);
    await files.remove(4);
    await files.close();
    expect(await readdir(dir)).toEqual(['000000000005.seg']);
  });
});
