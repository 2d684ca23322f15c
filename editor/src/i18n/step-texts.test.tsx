/**
 * @module Tests of step texts in the UI language: the manifest's translation replaces title, description
 * and the config fields' texts (nested ones too), a missing one keeps the English text.
 */
import { describe, expect, it } from 'vitest';
import type { StepManifest } from '../api/types.js';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import { localizeSchema, localizeSteps } from './step-texts.js';

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

const responseSchema: JsonSchema = {
  type: 'object',
  properties: {
    path: { type: 'string', title: 'Path', description: 'Starts with `/`.' },
    response: {
      type: 'object',
      title: 'Response',
      properties: {
        status: { type: 'integer', title: 'Status', description: 'The HTTP status.' },
        body: { title: 'Body' },
      },
    },
    articles: {
      type: 'array',
      title: 'Articles',
      items: { type: 'object', title: 'Article', properties: { title: { type: 'string' }, url: { type: 'string' } } },
    },
  },
  required: ['path'],
};

describe('localizeSchema', () => {
  it('puts titles and descriptions on fields at any depth, through lists of objects', () => {
    const localized = localizeSchema(responseSchema, {
      path: { title: '路径', description: '以 `/` 开头。' },
      response: { title: '应答' },
      'response.status': { title: '状态码' },
      'articles.title': { title: '标题' },
      'articles[]': { title: '文章' },
    });
    expect(localized.properties!.path).toEqual({ type: 'string', title: '路径', description: '以 `/` 开头。' });
    expect(localized.properties!.response!.title).toBe('应答');
    expect(localized.properties!.response!.properties!.status).toEqual({
      type: 'integer',
      title: '状态码',
      description: 'The HTTP status.',
    });
    expect(localized.properties!.articles!.items!.properties!.title).toEqual({ type: 'string', title: '标题' });
    expect(localized.properties!.articles!.items!.title).toBe('文章');
    expect(localized.properties!.articles!.title).toBe('Articles');
    expect(localized.required).toEqual(['path']);
  });

  it('keeps the English texts where a field has none, and leaves the schema given unchanged', () => {
    const before = structuredClone(responseSchema);
    const localized = localizeSchema(responseSchema, { 'response.status': { description: '成功时的状态码。' } });
    expect(localized.properties!.path).toEqual(responseSchema.properties!.path);
    expect(localized.properties!.response!.title).toBe('Response');
    expect(localized.properties!.response!.properties!.status!.title).toBe('Status');
    expect(localized.properties!.response!.properties!.body).toEqual({ title: 'Body' });
    expect(localized.properties!.articles!.items!.properties!.url).toEqual({ type: 'string' });
    expect(localized.properties!.articles!.items!.title).toBe('Article');
    expect(responseSchema).toEqual(before);
    expect(localizeSchema(responseSchema, undefined)).toBe(responseSchema);
  });

  it('is what localizeSteps applies to the config and to the branches of a scope', () => {
    const step = {
      ...manifest('choice'),
      config: responseSchema,
      scopes: [
        {
          kind: 'branches' as const,
          key: 'when',
          title: 'When',
          branchTitle: 'When',
          branchConfig: { type: 'object' as const, properties: { condition: { title: 'Condition' } } },
        },
      ],
      i18n: {
        'zh-CN': {
          fields: { 'response.body': { title: '应答体' } },
          scopes: { when: { fields: { condition: { title: '条件' } } } },
        },
      },
    };
    const [chinese] = localizeSteps([step], 'zh-CN');
    expect(chinese!.config.properties!.response!.properties!.body!.title).toBe('应答体');
    const [when] = chinese!.scopes;
    expect(when!.kind === 'branches' && when!.branchConfig.properties!.condition!.title).toBe('条件');
    expect(localizeSteps([step], 'en')[0]!.config).toBe(responseSchema);
  });
});
