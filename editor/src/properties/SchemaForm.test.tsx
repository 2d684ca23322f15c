// @vitest-environment happy-dom
/**
 * @module Property forms generated from config schemas: inputs by type, defaults, required marks, enums,
 * connection pickers, issues on their field, and values written back without losing anything.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import { loggerStep } from '../../../engine/steps/logger/index.js';
import { httpRequestStep } from '../../../engine/steps/http-request/index.js';
import { tryStep } from '../../../engine/steps/try/index.js';
import type { ValidationIssue } from '../api/types.js';
import type { FormContextValue } from './form-context.js';
import { SchemaForm } from './SchemaForm.js';
import { renderSchemaForm } from '../testing/render-schema-form.js';

afterEach(cleanup);

/** Renders a form whose changes are applied, and exposes the latest config. */
function renderForm(
  schema: JsonSchema,
  initial: Record<string, unknown> | undefined,
  options: { issues?: Map<string, ValidationIssue[]>; context?: FormContextValue } = {},
) {
  return renderSchemaForm(schema, initial, options);
}

describe('SchemaForm', () => {
  it('renders the Logger config as a level select with its default, a category text input and a content textarea', () => {
    renderForm(loggerStep.config, undefined);
    const level = screen.getByLabelText('Level', { selector: 'select' }) as HTMLSelectElement;
    expect([...level.options].map((option) => option.text)).toEqual(['Default (INFO)', 'DEBUG', 'INFO', 'WARN', 'ERROR']);
    const category = screen.getByLabelText('Category', { selector: 'input' }) as HTMLInputElement;
    expect(category.placeholder).toBe('default: flow');
    expect(screen.getByLabelText('Content', { selector: 'textarea' })).toBeTruthy();
    // Level is literal only: no f(x) switch; category and content accept expressions.
    expect(screen.queryByRole('button', { name: 'Expression for Level' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Expression for Category' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Expression for Content' })).toBeTruthy();
  });

  it('writes chosen values and removes a field set back to its default', () => {
    const seen = renderForm(loggerStep.config, undefined);
    fireEvent.change(screen.getByLabelText('Level', { selector: 'select' }), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Category', { selector: 'input' }), { target: { value: 'ebtest' } });
    expect(seen.config).toEqual({ level: 'ERROR', category: 'ebtest' });
    fireEvent.change(screen.getByLabelText('Level', { selector: 'select' }), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Category', { selector: 'input' }), { target: { value: '' } });
    expect(seen.config).toEqual({});
  });

  it('marks required fields and gives numbers, booleans and string lists their inputs', () => {
    const seen = renderForm(httpRequestStep.config, { method: 'POST' });
    const url = screen.getByLabelText('URL', { selector: 'input' });
    expect(url.getAttribute('aria-required')).toBe('true');
    expect(url.closest('.field')?.querySelector('.required-mark')?.textContent).toBe('*');
    const method = screen.getByLabelText('Method', { selector: 'select' }) as HTMLSelectElement;
    expect(method.options[method.selectedIndex]?.text).toBe('POST');
    const timeout = screen.getByLabelText('Timeout (ms)', { selector: 'input' }) as HTMLInputElement;
    expect(timeout.type).toBe('number');
    fireEvent.change(timeout, { target: { value: '5000' } });
    const failOnStatus = screen.getByLabelText('Fail on error status', { selector: 'input' }) as HTMLInputElement;
    expect(failOnStatus.checked).toBe(true);
    fireEvent.click(failOnStatus);
    expect(seen.config).toEqual({ method: 'POST', timeoutMs: 5000, failOnStatus: false });
  });

  it('edits a string list as comma-separated text (a Catch handler\'s error types)', () => {
    const catchSchema = (tryStep.scopes![1] as { branchConfig: JsonSchema }).branchConfig;
    const seen = renderForm(catchSchema, undefined);
    const errorTypes = screen.getByLabelText('Error types', { selector: 'input' }) as HTMLInputElement;
    expect(errorTypes.placeholder).toBe('default: ANY');
    fireEvent.change(errorTypes, { target: { value: 'HTTP:STATUS, HTTP ,' } });
    expect(seen.config).toEqual({ errorTypes: ['HTTP:STATUS', 'HTTP'] });
  });

  it('shows objects as JSON and changes the value only once the text parses', () => {
    const seen = renderForm(httpRequestStep.config, { headers: { a: '1' } });
    const headers = screen.getByLabelText('Headers', { selector: 'textarea' }) as HTMLTextAreaElement;
    expect(JSON.parse(headers.value)).toEqual({ a: '1' });
    fireEvent.change(headers, { target: { value: '{"a": ' } });
    expect(screen.getByText(/not valid JSON yet/)).toBeTruthy();
    expect(seen.config).toEqual({ headers: { a: '1' } });
    fireEvent.change(headers, { target: { value: '{"b": "2"}' } });
    expect(seen.config).toEqual({ headers: { b: '2' } });
  });

  it('keeps a field the schema does not declare, so that opening a form never loses data', () => {
    renderForm(loggerStep.config, { level: 'INFO', legacy: { x: 1 } });
    const legacy = screen.getByLabelText('Legacy', { selector: 'textarea' }) as HTMLTextAreaElement;
    expect(JSON.parse(legacy.value)).toEqual({ x: 1 });
  });

  it('picks connection configs of the field\'s connector type only', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { connection: { type: 'string', title: 'Connection', 'x-connection': 'wecom-robot', 'x-expression': false } },
      required: ['connection'],
    };
    const connections = [
      { name: 'ops-group', type: 'wecom-robot' },
      { name: 'mail', type: 'email' },
    ];
    const seen = renderForm(schema, { connection: 'gone' }, { context: { connections } });
    const picker = screen.getByLabelText('Connection', { selector: 'select' }) as HTMLSelectElement;
    expect([...picker.options].map((option) => option.text)).toEqual(['— choose a connection —', 'ops-group', 'gone (not found)']);
    fireEvent.change(picker, { target: { value: 'ops-group' } });
    expect(seen.config).toEqual({ connection: 'ops-group' });
  });

  it('shows each validation issue under the field it points at', () => {
    const issues = new Map<string, ValidationIssue[]>([
      ['url', [{ pointer: '/steps/0/config/url', code: 'missing-field', message: 'missing required field "url" (URL)' }]],
    ]);
    renderForm(httpRequestStep.config, {}, { issues });
    const url = screen.getByLabelText('URL', { selector: 'input' });
    const field = url.closest('.field')!;
    expect(field.classList.contains('field-invalid')).toBe(true);
    expect(field.textContent).toContain('missing required field "url" (URL)');
    const describedBy = url.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.some((id) => document.getElementById(id)?.textContent?.includes('missing required field'))).toBe(true);
  });

  it('says so when a step type has no settings', () => {
    renderForm(tryStep.config, undefined);
    expect(screen.getByText('This step has no settings.')).toBeTruthy();
  });
});
