import { describe, expect, it } from 'vitest';
import { parsePathPattern } from './path-pattern.js';
import { pathSegments, TriggerTable, type RoutedEntry } from './trigger-table.js';

const entry = (flowId: string, path: string, methods = ['POST']): RoutedEntry => ({
  flowId,
  pattern: parsePathPattern(path),
  methods,
});

describe('TriggerTable', () => {
  const { table, conflicts } = TriggerTable.build([
    entry('root', '/'),
    entry('new-order', '/orders/new'),
    entry('order', '/orders/{id}', ['GET', 'POST']),
    entry('order-put', '/orders/{orderId}', ['PUT']),
    entry('order-lines', '/orders/{id}/lines/{line}'),
    entry('files', '/files/*', ['GET']),
    entry('everything', '/*', ['GET']),
  ]);
  const routed = (path: string, method: string) => {
    const match = table.match(path);
    const found = match?.end.byMethod.get(method);
    return found && { flowId: found.flowId, values: match!.values, rest: match!.rest };
  };

  it('has no conflicts among different methods on the same shape', () => {
    expect(conflicts).toEqual([]);
  });

  it.each([
    ['/', 'POST', { flowId: 'root', values: [], rest: undefined }],
    ['/orders/new', 'POST', { flowId: 'new-order', values: [], rest: undefined }],
    ['/orders/42', 'POST', { flowId: 'order', values: ['42'], rest: undefined }],
    ['/orders/42', 'PUT', { flowId: 'order-put', values: ['42'], rest: undefined }],
    ['/orders/42/', 'GET', { flowId: 'order', values: ['42'], rest: undefined }],
    ['/orders/4%2F2', 'GET', { flowId: 'order', values: ['4/2'], rest: undefined }],
    ['/orders/1/lines/2', 'POST', { flowId: 'order-lines', values: ['1', '2'], rest: undefined }],
    ['/files', 'GET', { flowId: 'files', values: [], rest: '' }],
    ['/files/a/b', 'GET', { flowId: 'files', values: [], rest: 'a/b' }],
    ['/orders/1/other', 'GET', { flowId: 'everything', values: [], rest: 'orders/1/other' }],
  ])('routes %s %s', (path, method, expected) => {
    expect(routed(path, method)).toEqual(expected);
  });

  it('prefers a literal over a parameter, and backtracks when the literal leads nowhere', () => {
    expect(routed('/orders/new', 'GET')).toBeUndefined();
    expect(table.match('/orders/new')?.end.allow).toEqual(['POST']);
    const expected = { flowId: 'order-lines', values: ['new', '3'], rest: undefined };
    expect(routed('/orders/new/lines/3', 'POST')).toEqual(expected);
  });

  it('lists the methods of a path for Allow', () => {
    expect(table.match('/orders/7')?.end.allow).toEqual(['GET', 'POST', 'PUT']);
  });

  it('does not match an empty parameter', () => {
    expect(routed('/orders//lines/2', 'POST')).toBeUndefined();
  });

  it('refuses the later of two triggers on the same method and shape', () => {
    const built = TriggerTable.build([entry('a', '/x/{id}', ['GET', 'POST']), entry('b', '/x/{y}')]);
    const owner = expect.objectContaining({ flowId: 'a' });
    expect(built.conflicts).toEqual([expect.objectContaining({ method: 'POST', owner })]);
    expect(built.table.entries.map((item) => item.flowId)).toEqual(['a']);
  });

  it('throws URIError for bad percent-encoding', () => {
    expect(() => pathSegments('/a/%E0%A4%A')).toThrow(URIError);
  });
});

describe('parsePathPattern', () => {
  it('parses parameters and a trailing wildcard', () => {
    expect(parsePathPattern('/orders/{id}/*')).toMatchObject({
      paramNames: ['id'],
      wildcard: true,
      shape: '/orders/{}/*',
    });
  });

  it.each([['orders'], ['/orders/{id'], ['/a/*/b'], ['/a/../b'], ['/{id}/{id}'], ['/a b']])(
    'refuses %j',
    (path) => {
      expect(() => parsePathPattern(path)).toThrow(expect.objectContaining({ type: 'VALIDATION' }));
    },
  );
});
