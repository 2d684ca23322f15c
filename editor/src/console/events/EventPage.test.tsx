// @vitest-environment happy-dom
/**
 * @module The event page against a fake API: an event whose trace is gone is shown from the log store (no
 * re-send, a note saying why); one that is traced lists its targets and, on request, why a rule of its bus
 * did not match, from the pattern test.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventPage } from './EventPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status: number; body?: unknown };

/** A fetch that answers `METHOD /path?query` (or `METHOD /path`) and records every call. */
function fakeApi(routes: Record<string, (body: unknown) => Answer>) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const parsed = new URL(url);
      const path = parsed.pathname.replace(/^\/api/, '');
      calls.push(`${method} ${path}${parsed.search}`);
      const route = routes[`${method} ${path}${parsed.search}`] ?? routes[`${method} ${path}`];
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      const answer = route ? route(body) : { status: 404, body: { error: { type: 'BUS:EVENT_NOT_FOUND', message: `no ${path}` } } };
      return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status });
    }),
  );
  return calls;
}

const event = { specversion: '1.0', id: 'old-1', source: 'cvm.cloud.tencent', type: 'alarm', subject: 'ins-1' };
const rules = {
  status: 200,
  body: {
    rules: [
      { id: 'cvm', bus: 'default', enabled: true, valid: true, targets: [], issues: [] },
      { id: 'cos', name: 'COS events', bus: 'default', enabled: true, valid: true, targets: [], issues: [] },
      { id: 'elsewhere', bus: 'retail', enabled: true, valid: true, targets: [], issues: [] },
    ],
  },
};

describe('EventPage', () => {
  it('shows an event only the log store still holds, without re-send', async () => {
    const entry = { time: 1, bus: 'default', rules: ['cvm'], eventId: 'old-1', source: event.source, type: event.type, event };
    const calls = fakeApi({
      'GET /log-store/search?id=old-1&limit=1': () => ({ status: 200, body: { total: 1, items: [entry] } }),
      'GET /rules': () => rules,
    });
    render(<EventPage eventId="old-1" />);
    await screen.findByText(/older than the delivery traces kept in memory/);
    expect(screen.getByRole('heading', { name: 'Event old-1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Re-send' })).toBeNull();
    expect(screen.getByLabelText('The event', { selector: 'pre' }).textContent).toContain('"subject": "ins-1"');
    expect(calls).toContain('GET /events/old-1');
  });

  it('lists the rules of its bus that did not match and asks the pattern test why', async () => {
    const trace = {
      eventId: 'old-1',
      bus: 'default',
      acceptedAt: 1,
      source: event.source,
      type: event.type,
      event,
      replayed: false,
      matchedRules: ['cvm'],
      targets: [{ rule: 'cvm', target: 'hook', type: 'webhook', status: 'dead-lettered', attempts: 3, updatedAt: 1, error: { type: 'HTTP:STATUS', message: 'answered 503' } }],
    };
    const tested: unknown[] = [];
    fakeApi({
      'GET /events/old-1': () => ({ status: 200, body: trace }),
      'GET /rules': () => rules,
      'GET /rules/cos': () => ({ status: 200, body: { id: 'cos', rule: { pattern: { source: ['cos.cloud.tencent'] } } } }),
      'POST /patterns/test': (body) => {
        tested.push(body);
        return { status: 200, body: { match: false, failures: [{ pointer: '/source', reason: 'does not match ["cos.cloud.tencent"]' }] } };
      },
    });
    render(<EventPage eventId="old-1" />);
    const row = await screen.findByText('hook');
    expect(row.closest('tr')!.textContent).toContain('HTTP:STATUS');
    const unmatched = screen.getByRole('region', { name: 'Rules of this bus that did not match' });
    expect(within(unmatched).getAllByRole('link').map((link) => link.textContent)).toEqual(['COS events']);
    fireEvent.click(within(unmatched).getByRole('button', { name: 'Why did cos not match?' }));
    const why = await within(unmatched).findByRole('list', { name: 'Why did cos not match?' });
    await waitFor(() => expect(why.textContent).toContain('/source'));
    expect(tested).toEqual([{ pattern: { source: ['cos.cloud.tencent'] }, event }]);
  });
});
