/**
 * @module Step ids and the palette's lookups: slugs, unique ids, id problems, search and summaries.
 */
import { describe, expect, it } from 'vitest';
import { manifests } from '../testing/fixtures.js';
import { categoryLabel, plainText, searchSteps, summaryOf } from './catalog.js';
import { i18n } from '../i18n/i18n.js';
import { fileIdProblem, idProblem, idProblemText, slugify, uniqueId } from './ids.js';

describe('ids', () => {
  it.each([
    ['Set Variable', 'set-variable'],
    ['  Send to WeCom!  ', 'send-to-wecom'],
    ['Café crème', 'cafe-creme'],
    ['告警', 'step'],
  ])('slugifies %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('numbers an id that is taken', () => {
    expect(uniqueId('Try', new Set(['try', 'try-2']))).toBe('try-3');
  });

  it.each([
    ['', { code: 'required' }, 'an id is required'],
    ['Body', { code: 'not-a-slug' }, 'lowercase letters, digits and "-", starting with a letter or digit'],
    ['-body', { code: 'not-a-slug' }, 'lowercase letters, digits and "-", starting with a letter or digit'],
    ['body', { code: 'taken', id: 'body' }, '"body" is already used in this flow'],
    ['x'.repeat(65), { code: 'too-long', max: 64 }, 'at most 64 characters'],
  ])('refuses the id %j', (id, problem, text) => {
    expect(idProblem(id, new Set(['body']))).toEqual(problem);
    expect(idProblemText(idProblem(id, new Set(['body']))!, i18n.getFixedT('en'))).toBe(text);
  });

  it('says an id problem in Chinese, naming what the id is of', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(idProblemText({ code: 'taken', id: 'body' }, zh)).toBe('此流程中已有步骤使用“body”');
    expect(idProblemText({ code: 'taken', id: 'alarms' }, zh, 'rule')).toBe('规则“alarms”已存在');
    expect(idProblemText({ code: 'too-long', max: 64 }, zh)).toBe('最多 64 个字符');
  });

  it.each([
    ['', { code: 'required' }],
    ['-x', { code: 'not-a-file-id' }],
    ['CVM.alarms_2', undefined],
    ['alarms', { code: 'taken', id: 'alarms' }],
  ])('checks the rule or source file id %j', (id, problem) => {
    expect(fileIdProblem(id, new Set(['alarms']))).toEqual(problem);
  });
});

describe('catalog lookups', () => {
  it.each([
    ['wechat', 'WeCom Robot'],
    ['respond', 'Set Payload'],
    ['code', 'Transform'],
    ['飞书', 'Feishu Robot'],
  ])('finds %j by the synonyms of the step type: %s first', (query, title) => {
    expect(searchSteps(manifests(), query)[0]?.title).toBe(title);
  });

  it('shows descriptions without raw markdown marks', () => {
    expect(plainText('Sets `vars.<name>` to a **value**.\n\n```json\n{}\n```')).toBe('Sets vars.<name> to a value. {}');
  });

  it('finds step types by every word of a query, in title, type, category or summary', () => {
    const titles = (query: string) => searchSteps(manifests(), query).map((manifest) => manifest.title);
    expect(titles('robot')).toEqual(['WeCom Robot', 'DingTalk Robot', 'Feishu Robot', 'Slack Robot']);
    expect(titles('flow control')).toContain('Choice');
    expect(titles('http request')[0]).toBe('HTTP Request');
    // Title matches first; steps whose description mentions setting variables follow.
    expect(titles('set var').slice(0, 2)).toEqual(['Set Variable', 'Set Payload']);
    expect(titles('')).toHaveLength(manifests().length);
  });

  it('summarizes a description by its first sentence', () => {
    expect(summaryOf('Sends a message. More text.\n\nDetails.')).toBe('Sends a message.');
    expect(summaryOf('No full stop\nacross lines')).toBe('No full stop across lines');
  });

  it('names known and unknown categories', () => {
    expect(categoryLabel('flow-control')).toBe('Flow control');
    expect(categoryLabel('cloud_storage')).toBe('Cloud storage');
  });
});
