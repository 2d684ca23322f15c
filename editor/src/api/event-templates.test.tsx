/**
 * @module Event templates from the bus API, in the shapes it may answer with, and the bundled fallback.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_EVENT_TEMPLATES, listEventTemplates, readTemplates } from './event-templates.js';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('event templates', () => {
  it.each([
    ['a list', [{ id: 'a', title: 'A', event: { type: 't' } }]],
    ['{ templates }', { templates: [{ id: 'a', title: 'A', event: { type: 't' } }] }],
    ['a name instead of a title', [{ id: 'a', name: 'A', event: { type: 't' } }]],
  ])('reads %s', (_name, body) => {
    expect(readTemplates(body)).toEqual([{ id: 'a', title: 'A', event: { type: 't' } }]);
  });

  it('skips entries without an event or a title', () => {
    expect(readTemplates({ templates: [{ id: 'a', title: 'A' }, { id: 'b', event: {} }, 'c', null] })).toEqual([]);
    expect(readTemplates('nonsense')).toEqual([]);
  });

  it('uses the server\'s templates, or the bundled ones when the route is missing', async () => {
    vi.stubGlobal('fetch', answer(200, { templates: [{ id: 'x', title: 'X', event: { type: 't' } }] }));
    expect((await listEventTemplates()).map((template) => template.title)).toEqual(['X']);
    vi.stubGlobal('fetch', answer(404, { error: { type: 'API:NOT_FOUND', message: 'no route' } }));
    const bundled = await listEventTemplates();
    expect(bundled).toBe(BUNDLED_EVENT_TEMPLATES);
    expect(bundled.map((template) => template.title)).toContain('CVM - instance reboot');
  });

  it('reports a server that cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(listEventTemplates()).rejects.toMatchObject({ type: 'API:UNREACHABLE', status: 0 });
  });
});
