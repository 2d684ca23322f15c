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
