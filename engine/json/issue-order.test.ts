/**
 * @module Tests of sorting issues by document order.
 */
import { describe, expect, it } from 'vitest';
import { sortByDocumentOrder } from './issue-order.js';

describe('sortByDocumentOrder', () => {
  const document = { b: { list: [1, { 'a/b': 2 }] }, a: 1 };

  it('sorts by where the pointer is in the document, keys in file order', () => {
    const pointers = ['/a', '/b/list/1/a~1b', '', '/b', '/b/list/0'];
    const sorted = sortByDocumentOrder(pointers.map((pointer) => ({ pointer })), document);
    expect(sorted.map((issue) => issue.pointer)).toEqual(['', '/b', '/b/list/0', '/b/list/1/a~1b', '/a']);
  });

  it('puts a pointer to a missing value with its nearest parent, and keeps the found order on ties', () => {
    const issues = [
      { pointer: '/a', id: 1 },
      { pointer: '/b/missing', id: 2 },
      { pointer: '/b/list/0', id: 3 },
      { pointer: '/b', id: 4 },
      { pointer: '/nothing/deeper', id: 5 },
    ];
    expect(sortByDocumentOrder(issues, document).map((issue) => issue.id)).toEqual([5, 2, 4, 3, 1]);
  });
});
