/**
 * @module Tests of the pattern builder's model: patterns to rows and back, what it cannot show, suggestions.
 */
import { describe, expect, it } from 'vitest';
import { fieldSuggestions, patternFromRows, rowsFromPattern } from './pattern-rows.js';

describe('pattern rows', () => {
  it.each([
    [{ source: ['cvm.cloud.tencent'] }],
    [{ source: ['cvm.cloud.tencent'], type: ['cvm:ErrorEvent:PingUnreachable', 'cvm:ErrorEvent:GuestReboot'] }],
    [{ data: { region: [{ prefix: 'ap-' }], status: [{ 'anything-but': ['ok', 'fine'] }] } }],
    [{ subject: [{ exists: false }], type: [{ wildcard: 'cvm:*:Ping*' }], source: [{ suffix: '.cloud.tencent' }] }],
  ])('turns %j into rows and back unchanged', (pattern) => {
    const rows = rowsFromPattern(pattern);
    expect(rows).toBeDefined();
    expect(patternFromRows(rows!)).toEqual(pattern);
  });

  it.each([
    ['$or', { $or: [{ source: ['a'] }, { type: ['b'] }] }],
    ['numeric ranges', { data: { cpu: [{ numeric: ['>', 90] }] } }],
    ['two operators on one field', { source: ['a', { prefix: 'b' }] }],
  ])('leaves a pattern with %s to the JSON input', (_name, pattern) => {
    expect(rowsFromPattern(pattern)).toBeUndefined();
  });

  it('leaves out rows without a field or without values', () => {
    const rows = [
      { path: '', operator: 'equals' as const, values: ['x'] },
      { path: 'type', operator: 'equals' as const, values: [] },
      { path: 'source', operator: 'equals' as const, values: ['shop'] },
    ];
    expect(patternFromRows(rows)).toEqual({ source: ['shop'] });
  });

  it('suggests each leaf field of the templates with the values seen, not the id or time', () => {
    const events = [
      { specversion: '1.0', id: '1', source: 'cvm.cloud.tencent', type: 'a', data: { region: 'ap-guangzhou', cpu: 91 } },
      { specversion: '1.0', id: '2', source: 'cvm.cloud.tencent', type: 'b', data: { region: 'ap-shanghai' } },
    ];
    const suggestions = fieldSuggestions(events);
    expect([...suggestions.keys()]).toEqual(['source', 'type', 'data.region', 'data.cpu']);
    expect(suggestions.get('source')).toEqual(['cvm.cloud.tencent']);
    expect(suggestions.get('data.region')).toEqual(['ap-guangzhou', 'ap-shanghai']);
  });
});
