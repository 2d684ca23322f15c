// @vitest-environment happy-dom
/**
 * @module The f(x) switch: a literal becomes a JSONata expression (and back), syntax is checked as you type,
 * and the preview evaluates against the sample message.
 */
import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setVariableStep } from '../../../engine/steps/set-variable/index.js';
import { loggerStep } from '../../../engine/steps/logger/index.js';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import type { SampleMessage } from '../expressions/sample-message.js';
import { renderSchemaForm } from '../testing/render-schema-form.js';

afterEach(cleanup);

const sample: SampleMessage = {
  message: { payload: { region: 'ap-guangzhou', subject: 'ins-1' }, attributes: {}, vars: {} },
  source: 'sample-event',
};

function renderForm(schema: JsonSchema, initial: Record<string, unknown>, withSample: SampleMessage | null = sample) {
  return renderSchemaForm(schema, initial, { context: { sample: withSample ?? undefined } });
}

/** The editable area of the code editor of a field. */
const codeArea = (label: string) => screen.getByRole('textbox', { name: label });
const codeView = (label: string) => EditorView.findFromDOM(codeArea(label))!;
const codeText = (label: string) => codeView(label).state.doc.toString();
/** Replaces the text of a field's code editor, as typing it would. */
function typeCode(label: string, text: string): void {
  const view = codeView(label);
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
}
const valueEditor = () => codeArea('Value');

describe('the f(x) switch', () => {
  it('turns a literal into the same value written as an expression, and back', () => {
    const seen = renderForm(setVariableStep.config, { name: 'body', value: 'hello' });
    const toggle = screen.getByRole('button', { name: 'Expression for Value' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(seen.config.value).toEqual({ $expr: '"hello"' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(codeText('Value')).toBe('"hello"');
    fireEvent.click(toggle);
    expect(seen.config.value).toBe('hello');
    expect(screen.getByLabelText('Value', { selector: 'input' })).toBeTruthy();
  });

  it('is absent on literal-only fields', () => {
    renderForm(setVariableStep.config, {});
    expect(screen.queryByRole('button', { name: 'Expression for Name' })).toBeNull();
  });

  it('checks the syntax as you type and shows where the expression breaks', () => {
    const seen = renderForm(setVariableStep.config, { name: 'body', value: { $expr: 'payload.region' } });
    typeCode('Value', "{ 'region': payload.region, ");
    expect(seen.config.value).toEqual({ $expr: "{ 'region': payload.region, " });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^expression syntax error at line 1, column \d+: /);
    expect(valueEditor().getAttribute('aria-invalid')).toBe('true');
    typeCode('Value', "{ 'region': payload.region }");
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says, as you type, that a regex with a lookahead cannot run, and where', () => {
    const value = { $expr: '$match(payload.subject, /ins(?=-)/)' };
    renderForm(setVariableStep.config, { name: 'body', value });
    expect(screen.getByRole('alert').textContent).toMatch(
      /^unsupported regex at line 1, column 29: regex \/ins\(\?=-\)\/ uses a lookahead/,
    );
  });

  it('previews a backtracking regex on RE2: the page does not freeze', async () => {
    const probe = { ...sample, message: { ...sample.message, payload: { s: `${'a'.repeat(34)}!` } } };
    renderForm(setVariableStep.config, { value: { $expr: '$count($match(payload.s, /(a+)+b/))' } }, probe);
    const preview = await screen.findByLabelText('Preview of Value');
    expect(preview.textContent).toBe('0');
  });

  it('asks for an expression when the editor is empty', () => {
    renderForm(setVariableStep.config, { value: { $expr: '' } });
    expect(screen.getByRole('alert').textContent).toBe('write an expression, e.g. payload.subject');
  });

  it('previews the value against the sample message', async () => {
    renderForm(setVariableStep.config, { value: { $expr: "{ 'where': payload.region, 'what': payload.subject }" } });
    const preview = await screen.findByLabelText('Preview of Value');
    expect(JSON.parse(preview.textContent!)).toEqual({ where: 'ap-guangzhou', what: 'ins-1' });
    expect(screen.getByText("Preview with the trigger's sample event")).toBeTruthy();
    typeCode('Value', 'payload.subject & "!"');
    await waitFor(() => expect(screen.getByLabelText('Preview of Value').textContent).toBe('"ins-1!"'));
  });

  it('shows an evaluation error in the preview', async () => {
    renderForm(setVariableStep.config, { value: { $expr: "1 + 'a'" } });
    const preview = await screen.findByLabelText('Preview of Value');
    expect(preview.textContent).toMatch(/^EXPRESSION:EVALUATION: /);
  });

  it('switches between a JSONata expression and a text template, keeping the text', async () => {
    const seen = renderForm(loggerStep.config, { content: { $expr: 'payload.subject' } });
    const kind = screen.getByLabelText('Content expression kind') as HTMLSelectElement;
    fireEvent.change(kind, { target: { value: 'template' } });
    expect(seen.config.content).toEqual({ $template: 'payload.subject' });
    typeCode('Content', 'alarm on {{ payload.subject }} in {{ payload.region }}');
    expect(seen.config.content).toEqual({ $template: 'alarm on {{ payload.subject }} in {{ payload.region }}' });
    await waitFor(() => expect(screen.getByLabelText('Preview of Content').textContent).toBe('"alarm on ins-1 in ap-guangzhou"'));
    typeCode('Content', 'alarm {{ payload. }}');
    expect(screen.getByRole('alert').textContent).toMatch(/syntax error/);
  });

  it('says how to get a preview when there is no sample message', () => {
    renderForm(setVariableStep.config, { value: { $expr: 'payload' } }, null);
    expect(screen.getByText(/No sample message to preview with/)).toBeTruthy();
  });
});
