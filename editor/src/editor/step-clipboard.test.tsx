/**
 * @module What a paste accepts: the editor's own copy, one step, or a flow file; anything else is refused
 * with the reason.
 */
import { describe, expect, it } from 'vitest';
import { stepsClipboardText, stepsFromText } from './step-clipboard.js';

const step = { id: 'send', type: 'wecom-robot', config: {} };

describe('step clipboard', () => {
  it.each([
    ['the editor copy', stepsClipboardText([step])],
    ['one step', JSON.stringify(step)],
    ['a flow file', JSON.stringify({ format: 'flowbus/flow@1', trigger: {}, steps: [step] })],
  ])('reads the steps of %s', (_name, text) => {
    expect(stepsFromText(text)).toEqual({ steps: [step] });
  });

  it.each([
    ['text that is not JSON', 'hello', 'the clipboard holds no flow JSON: copy a step in the editor, or a step or flow file as JSON'],
    ['no steps', '{"steps": []}', 'the clipboard JSON holds no steps (expected a step, or an object with "steps")'],
    ['a step without a type', '{"steps": [{"id": "a"}]}', 'steps[0] of the clipboard JSON is not a step: expected an object with "id" and "type"'],
  ])('refuses %s', (_name, text, problem) => {
    expect(stepsFromText(text)).toEqual({ problem });
  });
});
