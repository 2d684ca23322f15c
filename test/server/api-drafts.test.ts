/**
 * @module Drafts through the management API against a real server: kept in the data folder (never the flows folder),
 * invalid ones accepted, stale revisions refused, publishing validated and written as saving is, and a draft
 * kept across a restart.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFlow } from '../../engine/flow/canonical.js';
import { httpFlow, json, registry, setPayload, startTestServer, type TestServer } from './helpers.js';

let root: string;
let server: TestServer;

/** Drafts are bounded by the flow size, below the body limit so that the draft's own bound answers. */
const LIMITS = { flowBytes: '64kb', bodyBytes: '1mb' };

const hello = httpFlow('/hello', [setPayload('reply', 'hello')]);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowbus-drafts-test-'));
  server = await startTestServer({ root, flows: { hello }, server: { limits: LIMITS } });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const draftUrl = (id: string) => `/api/flows/${id}/draft`;
const etag = (revision: string) => `"${revision}"`;

describe('management API: drafts', () => {
  it('keeps an invalid draft in the data folder, leaves the flow file alone, and reads it back', async () => {
    const before = await readFile(join(server.flowsDir, 'hello.flow.json'), 'utf8');
    const { version } = (await server.request('/api/flows/hello')).json;
    const invalid = { ...hello, steps: [{ id: 'Bad Id!', type: 'no-such-step' }] };
    const put = await server.request(draftUrl('hello'), json('PUT', { document: invalid, baseVersion: version }));
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe(etag(put.json.revision));
    expect(put.json).toMatchObject({ flowId: 'hello', baseVersion: version, document: invalid });

    const got = await server.request(draftUrl('hello'));
    expect(got.json).toEqual(put.json);
    expect(await readFile(join(server.flowsDir, 'hello.flow.json'), 'utf8')).toBe(before);
    expect(await readdir(server.flowsDir)).toEqual(['hello.flow.json']);
    expect(await readdir(join(server.dataDir, 'drafts'))).toEqual(['hello.draft.json']);
    expect((await server.request('/api/drafts')).json.drafts).toEqual([
      { flowId: 'hello', revision: put.json.revision, baseVersion: version, updatedAt: put.json.updatedAt, name: hello.name },
    ]);
  });

  it('refuses a write or a delete based on a stale revision (412), and a second create (If-None-Match)', async () => {
    const first = (await server.request(draftUrl('hello'))).json;
    const update = { document: { ...first.document, name: 'Second' }, baseVersion: first.baseVersion };
    const second = await server.request(draftUrl('hello'), json('PUT', update, { 'if-match': etag(first.revision) }));
    expect(second.status).toBe(200);
    expect(second.json.revision).not.toBe(first.revision);

    const stale = await server.request(draftUrl('hello'), json('PUT', update, { 'if-match': etag(first.revision) }));
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ type: 'FLOW:VERSION_MISMATCH' });
    expect(stale.json.error.message).toContain(`has changed since revision ${first.revision}`);
    const again = await server.request(draftUrl('hello'), json('PUT', update, { 'if-none-match': '*' }));
    expect(again.status).toBe(412);
    const staleDelete = await server.request(draftUrl('hello'), { method: 'DELETE', headers: { 'if-match': etag(first.revision) } });
    expect(staleDelete.status).toBe(412);
    expect((await server.request(draftUrl('hello'))).json.document.name).toBe('Second');
  });

  it.each([
    ['no document', { baseVersion: null }, 400, 'the body must be { "document"'],
    ['a document that is not an object', { document: [1, 2] }, 400, '"document" must be a JSON object'],
    ['a base version that is not a string', { document: {}, baseVersion: 3 }, 400, '"baseVersion" must be'],
  ])('refuses a draft with %s', async (_name, body, status, message) => {
    const answer = await server.request(draftUrl('hello'), json('PUT', body));
    expect(answer.status).toBe(status);
    expect(answer.json.error.message).toContain(message);
  });

  it('refuses a draft of a new flow whose id cannot name a file, and a draft over limits.flowBytes', async () => {
    const badId = await server.request(draftUrl('Bad%20Id'), json('PUT', { document: {}, baseVersion: null }));
    expect(badId.status).toBe(422);
    expect(badId.json.error.message).toContain('must be a lowercase slug');
    const huge = { document: { name: 'x'.repeat(70 * 1024) }, baseVersion: null };
    const tooLarge = await server.request(draftUrl('huge'), json('PUT', huge));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toMatchObject({ type: 'DRAFT:PAYLOAD_TOO_LARGE' });
    expect(tooLarge.json.error.message).toContain('more than the 65536 allowed (limits.flowBytes)');
    expect((await server.request(draftUrl('huge'))).status).toBe(404);
  });

  it('refuses to publish an invalid draft with every problem by step and pointer, and keeps the draft', async () => {
    const { version } = (await server.request('/api/flows/hello')).json;
    const broken = { ...hello, steps: [{ id: 'reply', type: 'set-payload', config: { value: { $expr: '1 +' } } }] };
    await server.request(draftUrl('hello'), json('PUT', { document: broken, baseVersion: version }));
    const refused = await server.request(`${draftUrl('hello')}/publish`, { method: 'POST' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.type).toBe('VALIDATION');
    expect(refused.json.error.issues[0]).toMatchObject({ file: 'flows/hello.flow.json', stepId: 'reply', pointer: '/steps/0/config/value' });
    expect((await server.request(draftUrl('hello'))).status).toBe(200);
    expect((await server.request('/api/flows/hello')).json.version).toBe(version);
  });

  it('shows the draft against the published file, field by field', async () => {
    const { version } = (await server.request('/api/flows/hello')).json;
    const changed = httpFlow('/hello', [setPayload('extra', 1), setPayload('reply', 'hello there')]);
    await server.request(draftUrl('hello'), json('PUT', { document: changed, baseVersion: version }));
    const { json: diff } = await server.request(`${draftUrl('hello')}/changes`);
    expect(diff.status).toBe('modified');
    expect(diff.changes).toEqual([
      expect.objectContaining({ change: 'added', node: 'step', id: 'extra' }),
      { change: 'changed', node: 'step', id: 'reply', type: 'set-payload', pointer: '/config/value', before: 'hello', after: 'hello there' },
    ]);
  });

  it('publishes a valid draft: the canonical file is written and served, and the draft is gone', async () => {
    const { json: draft } = await server.request(draftUrl('hello'));
    const published = await server.request(`${draftUrl('hello')}/publish`, { method: 'POST', headers: { 'if-match': etag(draft.revision) } });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ id: 'hello', status: 'published', issues: [] });
    expect(published.headers.get('etag')).toBe(etag(published.json.version));
    const file = await readFile(join(server.flowsDir, 'hello.flow.json'), 'utf8');
    expect(file).toBe(formatFlow(draft.document, registry));
    expect((await server.request('/hello', { method: 'POST' })).text).toBe('hello there');
    expect((await server.request(draftUrl('hello'))).status).toBe(404);
  });

  it('refuses to publish over a file that changed since the draft began (412), unless told to overwrite', async () => {
    const { version } = (await server.request('/api/flows/hello')).json;
    await server.request(draftUrl('hello'), json('PUT', { document: httpFlow('/hello', [setPayload('reply', 'mine')]), baseVersion: version }));
    await server.request('/api/flows/hello', json('PUT', httpFlow('/hello', [setPayload('reply', 'theirs')])));
    const refused = await server.request(`${draftUrl('hello')}/publish`, { method: 'POST' });
    expect(refused.status).toBe(412);
    expect(refused.json.error.type).toBe('FLOW:VERSION_MISMATCH');
    const forced = await server.request(`${draftUrl('hello')}/publish`, json('POST', { overwrite: true }));
    expect(forced.status).toBe(200);
    expect((await server.request('/hello', { method: 'POST' })).text).toBe('mine');
  });

  it('keeps a new flow as a draft only, across a restart, and publishes it as a new file (201)', async () => {
    const fresh = httpFlow('/fresh', [setPayload('reply', 'fresh')]);
    const put = await server.request(draftUrl('fresh'), json('PUT', { document: fresh, baseVersion: null }, { 'if-none-match': '*' }));
    expect(put.status).toBe(201);
    expect((await server.request('/api/flows/fresh')).status).toBe(404);

    await server.close();
    server = await startTestServer({ root, server: { limits: LIMITS } });
    const kept = await server.request(draftUrl('fresh'));
    expect(kept.json).toEqual(put.json);
    const published = await server.request(`${draftUrl('fresh')}/publish`, { method: 'POST' });
    expect(published.status).toBe(201);
    expect((await server.request('/fresh', { method: 'POST' })).text).toBe('fresh');
  });

  it('refuses to publish the draft of a new flow when a file of that id appeared meanwhile (409), and keeps the draft', async () => {
    await server.request(draftUrl('late'), json('PUT', { document: httpFlow('/late-mine'), baseVersion: null }));
    expect((await server.request('/api/flows', json('POST', { id: 'late', document: httpFlow('/late-theirs') }))).status).toBe(201);
    const refused = await server.request(`${draftUrl('late')}/publish`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(refused.json.error.type).toBe('FLOW:EXISTS');
    expect((await server.request(draftUrl('late'))).json.document.trigger.config.path).toBe('/late-mine');
  });

  it('answers 404 for the draft of a flow that has none, and deletes a draft with its flow', async () => {
    expect((await server.request(draftUrl('nothing'))).json.error.type).toBe('DRAFT:NOT_FOUND');
    expect((await server.request(`${draftUrl('nothing')}/publish`, { method: 'POST' })).status).toBe(404);
    await server.request(draftUrl('fresh'), json('PUT', { document: { name: 'wip' }, baseVersion: null }));
    expect((await server.request('/api/flows/fresh', { method: 'DELETE' })).status).toBe(204);
    expect((await server.request(draftUrl('fresh'))).status).toBe(404);
  });
});
