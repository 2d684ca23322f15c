import { describe, expect, it } from 'vitest';
import { isApiPath } from './http-server.js';

describe('isApiPath', () => {
  it.each([
    ['/api', true],
    ['/api/', true],
    ['/api/flows', true],
    ['/api?x=1', true],
    ['/apis', false],
    ['/api-docs', false],
    ['/orders/api', false],
    ['/', false],
  ])('%s -> %s', (url, expected) => {
    expect(isApiPath(url)).toBe(expected);
  });
});
