/**
 * @module What a paste accepts: the editor's own copy, one step, or a flow file; anything else is refused
 * with the reason.
 */
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { pasteProblemText, stepsClipboardText, stepsFromText, type PasteProblem } from './step-clipboard.js';

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
    ['text that is not JSON', 'hello', { code: 'not-json' }, 'the clipboard holds no flow JSON: copy a step in the editor, or a step or flow file as JSON'],
    ['no steps', '{"steps": []}', { code: 'no-steps' }, 'the clipboard JSON holds no steps (expected a step, or an object with "steps")'],
    ['a step without a type', '{"steps": [{"id": "a"}]}', { code: 'not-a-step', index: 0 }, 'steps[0] of the clipboard JSON is not a step: expected an object with "id" and "type"'],
  ])('refuses %s', (_name, text, problem, english) => {
    const result = stepsFromText(text);
    expect(result).toEqual({ problem });
    expect(pasteProblemText((result as { problem: PasteProblem }).problem, i18n.getFixedT('en'))).toBe(english);
  });

  it('says what is wrong with a paste in Chinese', () => {
    expect(pasteProblemText({ code: 'not-a-step', index: 2 }, i18n.getFixedT('zh-CN'))).toBe('剪贴板 JSON 中的 steps[2] 不是步骤：应为带有“id”和“type”的对象');
  });
});
