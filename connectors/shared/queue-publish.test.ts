/**
 * @module What a broker publish step sends: the body as bytes, and the message id.
 */
import { describe, expect, it } from 'vitest';
import { publishContent, publishMessageId } from './queue-publish.js';

describe('a published message', () => {
  const context = { message: { payload: { order: 7 } }, executionId: 'e1', step: { id: 'to-erp', type: 't' } };

  it('is the payload as JSON unless a body is given; a string body as it is', () => {
    const of = (config: { body?: unknown }) => {
      const { content, text } = publishContent(config, context as never);
      return [content.toString('utf8'), text];
    };
    expect(of({})).toEqual(['{"order":7}', false]);
    expect(of({ body: 'plain' })).toEqual(['plain', true]);
    expect(of({ body: null })).toEqual(['null', false]);
  });

  it('has the configured message id, else one the same for a step run again', () => {
    expect(publishMessageId({}, context)).toBe('e1:to-erp');
    expect(publishMessageId({ messageId: 'm-1' }, context)).toBe('m-1');
  });
});
