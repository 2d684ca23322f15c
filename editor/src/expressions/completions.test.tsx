/**
 * @module What the f(x) editor offers at the cursor: message parts, sample fields below a path, variables of
 * earlier steps, functions with their signatures.
 */
import { describe, expect, it } from 'vitest';
import { completionsFor, type CompletionSources } from './completions.js';

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
});
