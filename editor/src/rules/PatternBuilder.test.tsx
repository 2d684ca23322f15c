// @vitest-environment happy-dom
/**
 * @module The pattern builder against a fake pattern-test API that runs the bus's own matcher: conditions
 * typed or picked from the templates' values become the pattern, a list can be typed with commas, and the
 * templates the pattern matches are shown as it changes.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainMatch } from '../../../engine/bus/pattern/explain.js';
import { parsePattern } from '../../../engine/bus/pattern/index.js';
import { PatternBuilder } from './PatternBuilder.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const templates = [
  { id: 'reboot', title: 'CVM - instance reboot', event: { specversion: '1.0', source: 'cvm.cloud.tencent', type: 'cvm:Reboot' } },
  { id: 'ping', title: 'CVM - ping unreachable', event: { specversion: '1.0', source: 'cvm.cloud.tencent', type: 'cvm:Ping' } },
  { id: 'cpu', title: 'Oceanus - CPU high', event: { specversion: '1.0', source: 'oceanus.cloud.tencent', type: 'oceanus:Cpu' } },
];

/** `GET /event-templates` and `POST /patterns/test` answered with the bus's matcher. */
function fakeApi() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = new URL(url).pathname.replace(/^\/api/, '');
      let body: unknown = { error: { type: 'API:NOT_FOUND', message: path } };
      let status = 404;
      if (path === '/event-templates') [status, body] = [200, { templates }];
      if (path === '/patterns/test') {
        const request = JSON.parse(String(init.body)) as { pattern: unknown; event: Record<string, unknown> };
        const parsed = parsePattern(request.pattern);
        if (!parsed.ok) [status, body] = [400, { error: { type: 'BUS:INVALID_PATTERN', message: 'invalid' } }];
        else [status, body] = [200, explainMatch(parsed.pattern, request.event)];
      }
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
}

function renderBuilder(initial: Record<string, unknown> = {}) {
  const seen = { pattern: initial };
  function Harness() {
    const [pattern, setPattern] = useState<Record<string, unknown>>(initial);
    return <PatternBuilder pattern={pattern} issues={[]} onChange={(next) => { seen.pattern = next; setPattern(next); }} />;
  }
  render(<Harness />);
  return seen;
}

describe('PatternBuilder', () => {
  it('builds the pattern from suggested values and shows live which templates match', async () => {
    fakeApi();
    const seen = renderBuilder();
    fireEvent.click(screen.getByRole('button', { name: '+ Add condition' }));
    fireEvent.change(within(screen.getByRole('group', { name: 'Condition 1' })).getByLabelText('Field'), { target: { value: 'source' } });
    const suggested = await screen.findByRole('group', { name: 'Values of source in the templates' });
    fireEvent.click(within(suggested).getByRole('button', { name: 'cvm.cloud.tencent' }));
    expect(seen.pattern).toEqual({ source: ['cvm.cloud.tencent'] });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Templates matched' }).textContent).toBe('2 of 3 templates match'));
    const matched = screen.getByRole('region', { name: 'Template events matched' });
    expect([...matched.querySelectorAll('li[data-match="yes"]')].map((item) => item.textContent)).toEqual(['✓ CVM - instance reboot', '✓ CVM - ping unreachable']);
  });

  it('keeps what is typed while a list is written with commas', () => {
    fakeApi();
    const seen = renderBuilder({ type: ['cvm:Reboot'] });
    const values = within(screen.getByRole('group', { name: 'Condition 1' })).getByLabelText('Values') as HTMLInputElement;
    fireEvent.change(values, { target: { value: 'cvm:Reboot, ' } });
    expect(values.value).toBe('cvm:Reboot, ');
    fireEvent.change(values, { target: { value: 'cvm:Reboot, cvm:Ping' } });
    expect(seen.pattern).toEqual({ type: ['cvm:Reboot', 'cvm:Ping'] });
  });

  it('leaves a pattern with $or to the JSON input', () => {
    fakeApi();
    renderBuilder({ $or: [{ source: ['a'] }, { type: ['b'] }] });
    expect(screen.getByLabelText('Pattern JSON')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '+ Add condition' })).toBeNull();
  });
});
