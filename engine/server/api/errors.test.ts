/**
 * @module Tests of the API's one error answer: the status of each error type, `Retry-After`, issues, and
 * what the body parsers throw.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../core/errors.js';
import { apiErrorHandler, statusOfType } from './errors.js';
import { jsonBody } from './json-body.js';

describe('statusOfType', () => {
  it.each([
    ['VALIDATION', 422],
    ['API:BAD_REQUEST', 400],
    ['BUS:INVALID_EVENT', 400],
    ['BUS:INVALID_PATTERN', 400],
    ['API:UNAUTHORIZED', 401],
    ['CALLBACK:UNAUTHORIZED', 401],
    ['FLOW:NOT_FOUND', 404],
    ['BUS:DEAD_LETTER_NOT_FOUND', 404],
    ['FLOW:EXISTS', 409],
    ['BUS:CONFLICT', 409],
    ['BUS:READ_ONLY', 409],
    ['EXECUTION:NOT_REPLAYABLE', 409],
    ['FLOW:VERSION_MISMATCH', 412],
    ['API:PAYLOAD_TOO_LARGE', 413],
    ['API:UNSUPPORTED_MEDIA_TYPE', 415],
    ['BUS:BACKPRESSURE', 429],
    ['SERVER:BUSY', 429],
    ['BUS:REDRIVE_FAILED', 502],
    ['SERVER:OVERLOADED', 503],
    ['SERVER:STOPPING', 503],
    ['WECOM:RATE_LIMITED', 500],
  ])('%s is %i', (type, status) => {
    expect(statusOfType(type)).toBe(status);
  });
});

async function answer(thrown: unknown, body?: string) {
  const app = express();
  app.post('/x', jsonBody({ limit: 16, maxDepth: 2, setting: 'limits.bodyBytes' }), () => {
    throw thrown;
  });
  const logged: unknown[] = [];
  app.use(apiErrorHandler({ error: (message, fields) => void logged.push({ message, ...fields }) }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const headers = { 'content-type': 'application/json' };
    const response = await fetch(url, { method: 'POST', headers, body: body ?? '{}' });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), json: await response.json(), logged };
  } finally {
    server.close();
  }
}

describe('apiErrorHandler', () => {
  it('answers Retry-After, rounded up, when the error says when to come back', async () => {
    const full = new FlowbusError('BUS:BACKPRESSURE', 'the bus is full', { retryAfterSeconds: 1.2 });
    expect(await answer(full)).toMatchObject({
      status: 429,
      retryAfter: '2',
      json: { error: { type: 'BUS:BACKPRESSURE', message: 'the bus is full' } },
      logged: [],
    });
    expect((await answer(new FlowbusError('FLOW:NOT_FOUND', 'no flow'))).retryAfter).toBeNull();
  });

  it('answers the issues of a validation error with their pointers, and never the other details', async () => {
    const issues = [{ pointer: '/pattern', code: 'type', message: 'must be an object' }];
    const result = await answer(new FlowbusError('VALIDATION', 'invalid rule', { issues, secret: 'x' }));
    expect(result).toMatchObject({ status: 422, json: { error: { type: 'VALIDATION', message: 'invalid rule', issues } } });
    expect(JSON.stringify(result.json)).not.toContain('secret');
  });

  it.each([
    ['a body over the limit', '{"a": "0123456789abcdef"}', 413, 'larger than the 16 bytes allowed (limits.bodyBytes)'],
    ['malformed JSON', '{"a":', 400, 'malformed JSON body'],
    ['a body nested too deeply', '[[[1]]]', 400, 'too deeply nested'],
  ])('answers %s', async (_name, body, status, message) => {
    const result = await answer(new Error('not reached'), body);
    expect(result.status).toBe(status);
    expect(result.json.error.message).toContain(message);
  });

  it('answers an unknown error as a 500 without its message, and logs it', async () => {
    const result = await answer(new TypeError('internals'));
    expect(result.json).toEqual({ error: { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' } });
    expect(result.logged).toMatchObject([{ message: 'API request failed', method: 'POST', path: '/x', error: 'internals' }]);
  });
});
