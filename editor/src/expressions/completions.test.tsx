/**
 * @module What the f(x) editor offers at the cursor: message parts, sample fields below a path, variables of
 * earlier steps, functions with their signatures.
 */
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { panelsEn } from '../i18n/panels-en.js';
import { completionsFor, type CompletionSources } from './completions.js';
import { JSONATA_FUNCTIONS } from './jsonata-functions.js';

const sources: CompletionSources = {
  message: { payload: { subject: 'ins-1', region: 'ap-guangzhou', data: [{ instanceId: 'ins-1' }] }, attributes: { type: 'x' }, vars: { body: {} } },
  variables: ['body', 'markdown'],
};
const labels = (typed: string, given = sources) => completionsFor(typed, given).map((option) => option.label);

describe('f(x) completions', () => {
  it.each([
    ['', ['payload', 'attributes', 'vars']],
    ['pay', ['payload', 'attributes', 'vars']],
    ['payload.', ['subject', 'region', 'data']],
    ['payload.sub', ['subject', 'region', 'data']],
    ['payload.data.', ['instanceId']],
    ['attributes.', ['type']],
    ['vars.', ['body', 'markdown']],
    ['payload.subject.', []],
    ['nothing.here.', []],
  ])('after %j offers %j', (typed, expected) => {
    expect(labels(typed)).toEqual(expected);
  });

  it('offers error inside a Catch, where the message has one', () => {
    expect(labels('', { ...sources, message: { ...sources.message, error: { type: 'X' } } })).toContain('error');
  });

  it('offers variables of earlier steps under vars. even without a sample message', () => {
    expect(labels('vars.', { variables: ['markdown'] })).toEqual(['markdown']);
  });

  it('offers functions after $, each with its signature and a one-line description', () => {
    const uppercase = completionsFor('$up', sources).find((option) => option.label === '$uppercase');
    expect(uppercase).toMatchObject({ detail: '$uppercase(str)', info: 'The string in upper case.', apply: '$uppercase(' });
  });

  it('describes every function and message part in the UI language', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(completionsFor('$up', sources, zh).find((option) => option.label === '$uppercase')?.info).toBe('转换为大写的字符串。');
    expect(completionsFor('', sources, zh).find((option) => option.label === 'payload')?.detail).toBe('消息体');
    const undescribed = JSONATA_FUNCTIONS.filter((fn) => !(fn.name.slice(1) in panelsEn.jsonataFunctions)).map((fn) => fn.name);
    expect(undescribed).toEqual([]);
  });
});
