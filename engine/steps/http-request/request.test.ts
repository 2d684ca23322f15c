/**
 * @module Tests of HTTP Request config checks: every bad value found before sending.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../testing.js';
import { httpRequestStep } from './index.js';
import type { HttpRequestConfig } from './index.js';
import { prepareRequest } from './request.js';

describe('prepareRequest', () => {
  it('labels the request without query string or headers', () => {
    const request = prepareRequest({
      url: 'https://api.test:8443/a/b?key=s3cret#frag',
      headers: { X: 'secret' },
    });
    expect(request.label).toBe('GET https://api.test:8443/a/b');
  });
});

describe('http-request: bad config, found before anything is sent', () => {
  // Port 9 (discard) on loopback: a request that got through validation would fail with HTTP:CONNECTIVITY.
  const url = 'http://127.0.0.1:9/x';

  it.each<[string, Record<string, unknown>, string]>([
    ['a URL that is not a string', { url: 5 }, 'url must be a string, got a number'],
    ['a relative URL', { url: '/relative' }, 'url must be an absolute http or https URL'],
    ['an ftp URL', { url: 'ftp://host/file' }, 'url must be an absolute http or https URL, got a ftp: URL'],
    ['a URL with credentials', { url: 'http://user:pw@host/' }, 'url must not hold a user name or password'],
    ['an unknown method', { method: 'FETCH' }, 'one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS'],
    ['a lower-case method', { method: 'get' }, 'got "get"'],
    ['headers that are a list', { headers: ['a'] }, 'headers must be an object, got an array'],
    ['a header value that is a number', { headers: { 'X-N': 1 } }, 'headers.X-N must be a string, got a'],
    ['a bad header name', { headers: { 'a b': 'v' } }, 'headers.a b is not a valid header name or value'],
    ['a query that is a string', { query: 'a=1' }, 'query must be an object, got a string'],
    ['a nested query value', { query: { a: { b: 1 } } }, 'query.a must be a string, number or boolean'],
    ['a GET with a body', { body: { a: 1 } }, 'body must be left out for a GET request'],
    ['a HEAD with a body', { method: 'HEAD', body: 'x' }, 'body must be left out for a HEAD request'],
    ['an unknown body type', { method: 'POST', body: 'x', bodyType: 'xml' }, 'bodyType must be one of'],
    ['a text body that is an object', { method: 'POST', body: {}, bodyType: 'text' }, 'body must be a'],
    ['a form body that is a list', { method: 'POST', body: [1], bodyType: 'form' }, 'body must be an'],
    ['a nested form value', { method: 'POST', body: { a: { b: 1 } }, bodyType: 'form' }, 'body.a must be'],
    ['a zero timeout', { timeoutMs: 0 }, 'timeoutMs must be an integer from 1 to 600000, got 0'],
    ['a timeout as a string', { timeoutMs: '100' }, 'timeoutMs must be an integer from 1 to 600000, got a'],
    ['an unknown response type', { responseType: 'xml' }, 'responseType must be one of auto, json, text'],
    ['failOnStatus as a string', { failOnStatus: 'yes' }, 'failOnStatus must be true or false, got a string'],
    ['a bad output variable', { outputVariable: 'a-b' }, 'outputVariable must be a variable name'],
  ])('rejects %s with VALIDATION', async (_, config, message) => {
    const run = runStep(httpRequestStep, { config: { url, ...config } as unknown as HttpRequestConfig });
    await expect(run).rejects.toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining(message),
    });
  });

  it.each([
    ['a header value', { headers: { Authorization: 'Bearer s3cret\nX-Injected: 1' } }],
    ['a URL', { url: 'http://exa mple.test/?token=s3cret' }],
  ])('never quotes %s in the error', async (_, config) => {
    const error = await runStep(httpRequestStep, { config: { url, ...config } }).catch((thrown) => thrown);
    expect(error.type).toBe('VALIDATION');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('s3cret');
  });
});
