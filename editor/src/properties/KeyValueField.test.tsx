// @vitest-environment happy-dom
/**
 * @module The HTTP reply's form: header rows written back as an object (a row without a name is kept out
 * of it), a row's value switched to an expression, each issue shown on the row it points at.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTrigger } from '../../../engine/steps/http/index.js';
import type { ValidationIssue } from '../api/types.js';
import { renderSchemaForm } from '../testing/render-schema-form.js';

afterEach(cleanup);

const POINTER = '/trigger/config';

function renderTrigger(initial: Record<string, unknown>, issues: ValidationIssue[] = []) {
  return renderSchemaForm(httpTrigger.config, initial, { pointer: POINTER, issues, context: { nested: true } });
}

describe('the HTTP reply form', () => {
  it('writes a status and header rows into the response, leaving out a row without a name', () => {
    const seen = renderTrigger({ path: '/orders' });
    const reply = screen.getByRole('group', { name: 'Response' });
    fireEvent.change(within(reply).getByLabelText('Status'), { target: { value: '201' } });
    const headers = within(reply).getByRole('group', { name: 'Headers' });
    fireEvent.click(within(headers).getByRole('button', { name: '+ Add a row' }));
    fireEvent.click(within(headers).getByRole('button', { name: '+ Add a row' }));
    fireEvent.change(within(headers).getByLabelText('Headers: name of row 1'), { target: { value: 'Cache-Control' } });
    fireEvent.change(within(headers).getByLabelText('Cache-Control'), { target: { value: 'no-store' } });
    expect(seen.config).toEqual({ path: '/orders', response: { status: 201, headers: { 'Cache-Control': 'no-store' } } });
    expect(within(headers).getAllByRole('textbox')).toHaveLength(4);
  });

  it('turns a header value into an expression with its own f(x) switch', () => {
    const seen = renderTrigger({ path: '/orders', response: { headers: { 'X-Order': 'x' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Expression for X-Order' }));
    expect(seen.config.response).toEqual({ headers: { 'X-Order': { $expr: '"x"' } } });
  });

  it('shows a header problem on its row, and a warning as a warning', () => {
    const issues: ValidationIssue[] = [
      { pointer: '/trigger/config/response/headers/X Bad', code: 'invalid-value', message: 'invalid header name "X Bad"' },
      { pointer: '/trigger/config/response/body', code: 'error-outside-catch', message: 'reads `error`', severity: 'warning' },
    ];
    renderTrigger({ path: '/o', response: { headers: { 'X Bad': '1' }, body: { $expr: 'error' } } }, issues);
    const row = screen.getByRole('group', { name: 'Headers' }).querySelector('[data-field="X Bad"]') as HTMLElement;
    expect(row.querySelector('.field-error')?.textContent).toBe('invalid header name "X Bad"');
    const body = screen.getByRole('group', { name: 'Response' }).querySelector('[data-field="body"]') as HTMLElement;
    expect(body.querySelector('.field-warning')?.textContent).toBe('reads `error`');
    expect(body.className).not.toContain('field-invalid');
  });
});
