/**
 * @module Tests of step texts in the UI language: the manifest's translation replaces title and
 * description, a missing one keeps the English text.
 */
import { describe, expect, it } from 'vitest';
import type { StepManifest } from '../api/types.js';
import { localizeSteps } from './step-texts.js';

const manifest = (type: string, i18n?: StepManifest['i18n']): StepManifest => ({
  type,
  title: `Title ${type}`,
  description: `About ${type}.`,
  category: 'variables',
  kind: 'action',
  config: { type: 'object' },
  scopes: [],
  errors: [],
  sideEffects: false,
  lazyFields: [],
  i18n,
});

describe('localizeSteps', () => {
  it('translates the titles of the parts of a scope step', () => {
    const scope = {
      ...manifest('try'),
      kind: 'scope' as const,
      scopes: [
        { kind: 'sequence' as const, key: 'steps', title: 'Try' },
        { kind: 'branches' as const, key: 'catch', title: 'Catch handlers', branchTitle: 'Catch', branchConfig: {} },
        { kind: 'sequence' as const, key: 'finally', title: 'Finally' },
      ],
      i18n: { 'zh-CN': { scopes: { steps: { title: '尝试' }, catch: { branchTitle: '捕获' } } } },
    };
    const [chinese] = localizeSteps([scope], 'zh-CN');
    expect(chinese!.title).toBe('Title try');
    expect(chinese!.scopes).toEqual([
      { kind: 'sequence', key: 'steps', title: '尝试' },
      { kind: 'branches', key: 'catch', title: 'Catch handlers', branchTitle: '捕获', branchConfig: {} },
      { kind: 'sequence', key: 'finally', title: 'Finally' },
    ]);
  });

  it('uses the language of the UI where a step type has it', () => {
    const steps = [
      manifest('a', { 'zh-CN': { title: '甲', description: '关于甲。' } }),
      manifest('b', { 'zh-CN': { title: '乙' } }),
      manifest('c'),
    ];
    const chinese = localizeSteps(steps, 'zh-CN');
    expect(chinese.map((step) => [step.title, step.description])).toEqual([
      ['甲', '关于甲。'],
      ['乙', 'About b.'],
      ['Title c', 'About c.'],
    ]);
    expect(localizeSteps(steps, 'en')).toEqual(steps);
    expect(steps[0]!.title).toBe('Title a');
  });
});
