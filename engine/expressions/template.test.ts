import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { compileTemplate } from './index.js';
import { scanTemplate } from './template-scan.js';

const message = {
  payload: { subject: 'ins-1', count: 3, ratio: 0.1, tags: ['a', 'b'], meta: { ok: true }, none: null },
  attributes: { method: 'POST' },
  vars: { body: { region: 'eu' } },
};

function thrownBy(action: () => unknown): FlowbusError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FlowbusError);
    return error as FlowbusError;
  }
  throw new Error('expected a throw');
}

describe('compileTemplate', () => {
  it.each([
    ['Alarm on {{ payload.subject }} in {{ vars.body.region }}', 'Alarm on ins-1 in eu'],
    ['no holes at all', 'no holes at all'],
    ['', ''],
    ['{{ payload.count }} items, {{ payload.ratio + 0.2 }} ratio', '3 items, 0.3 ratio'],
    ['ok={{ payload.meta.ok }}', 'ok=true'],
    ['tags={{ payload.tags }}', 'tags=["a","b"]'],
    ['meta={{ payload.meta }}', 'meta={"ok":true}'],
    ['[{{ payload.none }}][{{ payload.missing }}][{{ vars.nothing.deeper }}]', '[][][]'],
    ['line 1: {{ payload.subject }}\nline 2: {{ attributes.method }}\n', 'line 1: ins-1\nline 2: POST\n'],
    ['{{\n  payload.count\n  * 2\n}}', '6'],
    ["literal {{ '{{' }} braces }}", 'literal {{ braces }}'],
    ["{{ {'a': {'b': 1}} }}", '{"a":{"b":1}}'],
    ["{{ '}}' & \"}}\" }}", '}}}}'],
    ['{{ `subject` /* a }} comment */ }}', ''],
    ['{{ payload.subject }}{{ payload.count }}', 'ins-13'],
    ['{{ $uppercase(payload.subject) }}', 'INS-1'],
    ['{{ function($x){ $x } }}', ''],
  ])('%j renders %j', async (template, expected) => {
    const compiled = compileTemplate(template);
    expect(compiled.kind).toBe('template');
    expect(compiled.source).toBe(template);
    expect(await compiled.evaluate(message)).toBe(expected);
  });

  it('sees context bindings', async () => {
    const compiled = compileTemplate('run {{ $executionId }}');
    expect(await compiled.evaluate(message, { bindings: { executionId: 'e-7' } })).toBe('run e-7');
  });

  describe('syntax errors, positioned in the whole template', () => {
    it.each([
      ['Hi {{ payload. }}', 1, 15, 'S0207', 'Unexpected end of expression'],
      ['line one\nline two {{ (1 + }} end', 2, 17, 'S0203', 'Expected ")" before end of expression'],
      ['a {{ ok }} b {{ foo bar }}', 1, 23, 'S0201', 'Syntax error: "bar"'],
      ['{{}}', 1, 2, 'S0207', 'Unexpected end of expression'],
      ['text\n  {{ payload.subject', 2, 4, 'TEMPLATE_UNCLOSED', 'template hole "{{" is not closed with "}}"'],
      ["{{ 'open string }}", 1, 2, 'TEMPLATE_UNCLOSED', 'template hole "{{" is not closed with "}}"'],
    ])('%j fails at line %i, column %i', (template, line, column, code, reason) => {
      const error = thrownBy(() => compileTemplate(template));
      expect(error.type).toBe('EXPRESSION:SYNTAX');
      expect(error.message).toBe(`expression syntax error at line ${line}, column ${column}: ${reason}`);
      expect(error.details).toMatchObject({ source: template, line, column, code });
    });
  });

  it('reports a runtime error with its position in the whole template', async () => {
    const template = 'first line\nvalue: {{ payload.subject + 1 }}';
    const error = await compileTemplate(template).evaluate(message).then(
      () => undefined,
      (thrown: unknown) => thrown as FlowbusError,
    );
    expect(error?.type).toBe('EXPRESSION:EVALUATION');
    expect(error?.details).toMatchObject({ source: template, code: 'T2001', line: 2, column: 27 });
  });
});

describe('scanTemplate', () => {
  it('splits text and holes with their offsets', () => {
    expect(scanTemplate('Hi {{ payload.name }}!')).toEqual({
      parts: [
        { kind: 'text', text: 'Hi ' },
        { kind: 'hole', source: ' payload.name ', offset: 5 },
        { kind: 'text', text: '!' },
      ],
    });
  });

  it('keeps a lone }} as text and marks an unclosed hole', () => {
    expect(scanTemplate('a }} b')).toEqual({ parts: [{ kind: 'text', text: 'a }} b' }] });
    expect(scanTemplate('a {{ b')).toEqual({ parts: [{ kind: 'text', text: 'a ' }], unclosedAt: 2 });
    expect(scanTemplate('{{ /* never closed')).toEqual({ parts: [], unclosedAt: 0 });
  });
});
