/**
 * @module The draft store on a real folder: revisions change on every write, two writers with the same revision get
 * one success and one refusal, temp files of an interrupted write are not drafts, and a damaged draft file is
 * moved aside and reported, never read as a draft or skipped in silence.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore } from './drafts.js';

let dataDir: string;
let errors: Array<{ message: string; fields?: Record<string, unknown> }>;
let store: DraftStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowbus-drafts-unit-'));
  errors = [];
  const logger = { error: (message: string, fields?: Record<string, unknown>) => void errors.push({ message, fields }) };
  store = new DraftStore({ dataDir, maxBytes: 10_000, logger, now: () => 1_700_000_000_000 });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('DraftStore', () => {
  it('gives every write a new revision, even of the same document', async () => {
    const first = await store.put('orders', { document: { name: 'a' }, baseVersion: null });
    const second = await store.put('orders', { document: { name: 'a' }, baseVersion: null }, { ifMatch: first.draft.revision });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.draft.revision).not.toBe(first.draft.revision);
    expect(await store.get('orders')).toEqual(second.draft);
  });

  it('lets one of two writers based on the same revision win, and refuses the other', async () => {
    const { draft } = await store.put('orders', { document: { name: 'a' }, baseVersion: 'v1' });
    const results = await Promise.allSettled([
      store.put('orders', { document: { name: 'mine' }, baseVersion: 'v1' }, { ifMatch: draft.revision }),
      store.put('orders', { document: { name: 'theirs' }, baseVersion: 'v1' }, { ifMatch: draft.revision }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ type: 'FLOW:VERSION_MISMATCH' });
    expect((await store.get('orders'))?.document.name).toBe('mine');
  });

  it('lists drafts without the temp files an interrupted write leaves', async () => {
    await store.put('b-flow', { document: { name: 'B' }, baseVersion: 'v2' });
    await store.put('a-flow', { document: {}, baseVersion: null });
    await writeFile(join(store.dir, '.c-flow.draft.json.1a2b3c4d.tmp'), '{"half');
    const listed = await store.list();
    expect(listed.map((draft) => [draft.flowId, draft.name, draft.baseVersion])).toEqual([
      ['a-flow', undefined, null],
      ['b-flow', 'B', 'v2'],
    ]);
  });

  it.each([
    ['not JSON', '{"document": ', 'it is not JSON'],
    ['no document', '{"updatedAt": 1}', 'it does not hold a draft'],
  ])('moves a draft file that holds %s aside and reports it', async (_name, text, reason) => {
    await store.put('broken', { document: {}, baseVersion: null });
    await writeFile(join(store.dir, 'broken.draft.json'), text);
    await expect(store.get('broken')).rejects.toMatchObject({ type: 'DRAFT:UNREADABLE', message: expect.stringContaining(reason) });
    const names = await readdir(store.dir);
    expect(names).toEqual([expect.stringMatching(/^broken\.draft\.json\.corrupt-/)]);
    expect(errors).toEqual([{ message: expect.stringContaining(reason), fields: { file: join(store.dir, 'broken.draft.json'), keptAs: join(store.dir, names[0]!) } }]);
    expect(await store.get('broken')).toBeUndefined();
  });

  it('refuses a draft over the size bound and keeps the previous one', async () => {
    await store.put('big', { document: { name: 'small' }, baseVersion: null });
    await expect(store.put('big', { document: { name: 'x'.repeat(10_000) }, baseVersion: null })).rejects.toMatchObject({
      type: 'DRAFT:PAYLOAD_TOO_LARGE',
    });
    expect((await store.get('big'))?.document.name).toBe('small');
  });
});
