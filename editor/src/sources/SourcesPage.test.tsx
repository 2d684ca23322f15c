// @vitest-environment happy-dom
/**
 * @module The sources pages against a fake API: the list with each state and problem (file, pointer,
 * message) and delete; the editor's form built from the type's schema, connections by name, the document
 * saved through PUT, and the server's issues shown on their fields.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUrlCallbackSource } from '../../../engine/bus/sources/index.js';
import { blankSource } from './source-draft.js';
import { SourceEditorPage } from './SourceEditorPage.js';
import { SourcesPage } from './SourcesPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Route = (body: unknown) => { status: number; body?: unknown };

/** A fetch that answers `METHOD /path` from `routes` and records every call. */
function fakeApi(routes: Record<string, Route>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const path = new URL(url).pathname.replace(/^\/api/, '');
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path, body });
      const route = routes[`${method} ${path}`];
      const answer = route ? route(body) : { status: 404, body: { error: { type: 'API:NOT_FOUND', message: path } } };
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      return new Response(text, { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

const file = (id: string) => `/srv/flows/${id}.source.json`;
const callbackType = createUrlCallbackSource().definition;
const { type, title, description, config } = callbackType;
const sourceTypes = { status: 200, body: { types: [{ type, title, description, config }] } };
const connections = {
  status: 200,
  body: { connections: [{ name: 'shop-auth', type: 'http-auth' }, { name: 'ops-mail', type: 'email' }] },
};
const buses = { status: 200, body: { buses: [{ id: 'default', name: 'Default bus' }, { id: 'hub', name: 'Hub' }] } };

describe('SourcesPage', () => {
  it('lists each source with its state and its problems with file and pointer, and deletes after confirming', async () => {
    let sources = [
      { id: 'erp', file: file('erp'), name: 'ERP queue', type: 'rabbitmq', bus: 'retail', state: 'retrying', issues: [
        { file: file('erp'), pointer: '/config/queue', code: 'broker-refused', message: 'NOT_FOUND - no queue' },
      ] },
      { id: 'hook', file: file('hook'), name: 'Shop hook', type: 'url-callback', bus: 'default', state: 'running', issues: [] },
      { id: 'off', file: file('off'), name: 'Off', type: 'url-callback', bus: 'default', state: 'disabled', issues: [] },
      { id: 'broken', file: file('broken'), state: 'invalid', issues: [
        { file: file('broken'), pointer: '/type', code: 'enum', message: 'unknown type' },
      ] },
    ];
    const calls = fakeApi({
      'GET /sources': () => ({ status: 200, body: { sources } }),
      'DELETE /sources/hook': () => {
        sources = sources.filter((source) => source.id !== 'hook');
        return { status: 204 };
      },
    });
    render(<SourcesPage onCreate={() => {}} />);
    const row = (id: string) => within(document.querySelector(`tr[data-source="${id}"]`) as HTMLElement);
    await screen.findByText('ERP queue');
    expect(row('erp').getByText('Retrying')).toBeTruthy();
    expect(row('erp').getByText('NOT_FOUND - no queue')).toBeTruthy();
    expect(row('erp').getByText('/config/queue')).toBeTruthy();
    expect(row('erp').getAllByText('erp.source.json').length).toBe(2);
    expect(row('hook').getByText('Running')).toBeTruthy();
    expect(row('off').getByText('Disabled')).toBeTruthy();
    expect(row('broken').getByText('Invalid')).toBeTruthy();
    expect(row('broken').getByText('unknown type')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete source hook' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete source' }));
    await waitFor(() => expect(document.querySelector('tr[data-source="hook"]')).toBeNull());
    expect(calls.some((call) => call.method === 'DELETE' && call.path === '/sources/hook')).toBe(true);
  });

  it('asks for the name and id of a new source', async () => {
    fakeApi({ 'GET /sources': () => ({ status: 200, body: { sources: [] } }) });
    const created: string[] = [];
    render(<SourcesPage onCreate={(id, name) => created.push(`${id}:${name}`)} />);
    await screen.findByText('No sources yet');
    fireEvent.click(screen.getAllByRole('button', { name: 'New source' })[0]!);
    fireEvent.change(screen.getByLabelText('Source name'), { target: { value: 'Shop Hook' } });
    expect((screen.getByLabelText('Source id') as HTMLInputElement).value).toBe('shop-hook');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(created).toEqual(['shop-hook:Shop Hook']);
  });
});

describe('SourceEditorPage', () => {
  it('builds the form from the type schema, picks connections by name, saves, and shows server issues on fields', async () => {
    let saves = 0;
    const calls = fakeApi({
      'GET /source-types': () => sourceTypes,
      'GET /connections': () => connections,
      'GET /buses': () => buses,
      'POST /sources/validate': () => ({ status: 200, body: { valid: true, issues: [] } }),
      'PUT /sources/shop': (body) => {
        saves += 1;
        if (saves === 1) {
          const message = 'token auth needs a connection';
          const issue = { file: file('shop'), pointer: '/config/connection', code: 'missing-field', message };
          return { status: 422, body: { error: { type: 'VALIDATION', message: '1 problem(s)', issues: [issue] } } };
        }
        return { status: 201, body: { id: 'shop', file: file('shop'), state: 'running', issues: [], source: body } };
      },
    });
    render(<SourceEditorPage sourceId="shop" newDraft={blankSource('Shop')} />);
    fireEvent.change(await screen.findByLabelText('Source type'), { target: { value: 'url-callback' } });
    const verification = screen.getByLabelText('Verification') as HTMLSelectElement;
    const token = [...verification.options].find((option) => option.text === 'token')!;
    fireEvent.change(verification, { target: { value: token.value } });
    fireEvent.change(screen.getByLabelText('Event bus'), { target: { value: 'hub' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save source' }));
    const field = await waitFor(() => {
      const element = document.querySelector('[data-field="connection"]') as HTMLElement;
      expect(element.className).toContain('field-invalid');
      return element;
    });
    expect(within(field).getByText('token auth needs a connection')).toBeTruthy();
    const picker = screen.getByLabelText('Connection') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(['', 'shop-auth']);
    expect(screen.queryByRole('button', { name: /Expression for/ })).toBeNull();
    fireEvent.change(picker, { target: { value: 'shop-auth' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save source' }));
    await screen.findByText('Saved the source file.');
    expect(screen.getByText('State: Running')).toBeTruthy();
    const put = calls.filter((call) => call.method === 'PUT').pop();
    expect(put?.body).toEqual({
      format: 'flowbus/source@1',
      name: 'Shop',
      type: 'url-callback',
      bus: 'hub',
      enabled: true,
      config: { auth: 'token', connection: 'shop-auth' },
    });
  });

  it('opens a saved source with its document, and looks again while it is connecting', async () => {
    const document = { format: 'flowbus/source@1', name: 'ERP', type: 'url-callback', bus: 'default', config: { subject: 'erp' } };
    let reads = 0;
    fakeApi({
      'GET /source-types': () => sourceTypes,
      'GET /connections': () => connections,
      'GET /buses': () => buses,
      'POST /sources/validate': () => ({ status: 200, body: { valid: true, issues: [] } }),
      'GET /sources/erp': () => {
        reads += 1;
        const state = reads === 1 ? 'connecting' : 'running';
        return { status: 200, body: { id: 'erp', file: file('erp'), state, issues: [], source: document } };
      },
    });
    render(<SourceEditorPage sourceId="erp" />);
    expect(await screen.findByText('State: Connecting')).toBeTruthy();
    expect((screen.getByLabelText('Event subject') as HTMLInputElement).value).toBe('erp');
    expect(await screen.findByText('State: Running', {}, { timeout: 3000 })).toBeTruthy();
  });
});
