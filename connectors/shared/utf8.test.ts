import { describe, expect, it } from 'vitest';
import { truncateUtf8, utf8Length } from './utf8.js';

describe('truncateUtf8', () => {
  it.each([
    { text: 'abcdef', max: 3, expected: 'abc' },
    { text: 'abc', max: 10, expected: 'abc' },
    { text: '告警abc', max: 3, expected: '告' },
    { text: '告警abc', max: 4, expected: '告' },
    { text: '告警abc', max: 5, expected: '告' },
    { text: '告警abc', max: 6, expected: '告警' },
    { text: 'a😀b', max: 4, expected: 'a' },
    { text: 'a😀b', max: 5, expected: 'a😀' },
    { text: 'é', max: 1, expected: '' },
    { text: 'abc', max: 0, expected: '' },
  ])('cuts $text to $max bytes as $expected', ({ text, max, expected }) => {
    const cut = truncateUtf8(text, max);
    expect(cut).toBe(expected);
    expect(utf8Length(cut)).toBeLessThanOrEqual(max);
    expect(cut).not.toContain('\uFFFD');
  });

  it('counts bytes, not characters', () => {
    expect(utf8Length('告警')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
  });
});
