/**
 * @module Tests of the operator building blocks: IP and CIDR parsing, wildcards, case-insensitive forms.
 */
import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp, parseIpv4 } from './cidr.js';
import { ignoreCaseTest } from './ignore-case.js';
import { parseWildcard, wildcardMatches } from './wildcard.js';

describe('parseIp', () => {
  const good = ['10.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', '2001:db8::7', '1:2:3:4:5:6:7:8'];
  const bad = ['256.0.0.1', '01.2.3.4', '1.2.3', '1.2.3.4.', '1..2.3', ' 1.2.3.4', '1:2:3:4:5:6:7:8:9', ':1'];
  it.each([...good, '::ffff:1.2.3.4'])('reads %s', (text) => expect(parseIp(text)).toBeDefined());
  const lenientElsewhere = ['0x0a.0.0.1', '010.0.0.1', '10.1', 'fe80::1%eth0', '::00001', '::ffff:010.2.3.4'];
  it.each([...bad, ...lenientElsewhere, '1::2::3', ''])('refuses %j', (text) => expect(parseIp(text)).toBeUndefined());
});

describe('parseIpv4', () => {
  /** The definition it replaces: four decimal octets 0–255 without leading zeros. */
  const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

  it('reads the address as an unsigned number', () => {
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('1.2.3.04')).toBe(-1);
  });

  it('accepts exactly what the dotted-quad definition accepts', () => {
    let seed = 7;
    const next = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % below;
    };
    const pieces = ['0', '1', '9', '00', '01', '10', '99', '100', '199', '200', '249', '250', '255', '256', '300', '1000', '', 'a', ' ', '-1', '+1'];
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      const parts = Array.from({ length: 3 + next(3) }, () => pieces[next(pieces.length)]!);
      const text = next(10) === 0 ? parts.join('.').slice(next(4)) : parts.join(next(20) === 0 ? ',' : '.');
      const expected = DOTTED_QUAD.test(text);
      if (expected) accepted++;
      expect(parseIpv4(text) !== -1, text).toBe(expected);
      if (expected) expect(parseIpv4(text)).toBe(text.split('.').reduce((sum, part) => sum * 256 + Number(part), 0));
    }
    expect(accepted).toBeGreaterThan(400);
  });
});

describe('parseCidr and cidrContains', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['220.160.153.171/31', '220.160.153.170', true],
    ['0.0.0.0/0', '1.2.3.4', true],
    ['10.0.0.1', '10.0.0.1', true],
    ['10.0.0.1', '10.0.0.2', false],
    ['2400:6500:FF00::36FB:1F80/122', '2400:6500:ff00::36fb:1fbf', true],
    ['2400:6500:FF00::36FB:1F80/122', '2400:6500:ff00::36fb:1fc0', false],
    ['10.0.0.0/8', '::ffff:10.0.0.1', false],
  ])('%s holds %s: %s', (block, address, expected) => {
    const parsed = parseCidr(block);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(cidrContains(parsed, address)).toBe(expected);
  });
  const bad = ['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/-1', 'x/8', '::/129', '10.0.0.0/8/8'];
  it.each(bad)('refuses %s', (text) => expect(typeof parseCidr(text)).toBe('string'));
});

describe('wildcards', () => {
  it.each<[string, string, boolean]>([
    ['*', '', true],
    ['a*', 'abc', true],
    ['*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*c', 'ab', false],
    ['a*b*a', 'aba', true],
    ['a*b*a', 'ab', false],
    ['*l*', 'xlx', true],
    ['he\\*llo', 'he*llo', true],
    ['he\\\\*llo', 'he\\xxllo', true],
    ['he\\\\\\*llo', 'he\\*llo', true],
    ['he\\\\\\*llo', 'he\\xllo', false],
  ])('%s ~ %j: %s', (wildcard, value, expected) => {
    const parsed = parseWildcard(wildcard);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(wildcardMatches(parsed, value)).toBe(expected);
  });
  it.each(['a**b', '**', 'a\\b', 'a\\'])('refuses %j', (text) =>
    expect(typeof parseWildcard(text)).toBe('string'),
  );
});

describe('ignoreCaseTest', () => {
  it.each<[string, 'whole' | 'start' | 'end', string, boolean]>([
    ['Hello', 'whole', 'hELLO', true],
    ['Hello', 'whole', 'hELLO!', false],
    ['Hello', 'start', 'HELLO world', true],
    ['abc', 'start', 'ABCé', true],
    ['abc', 'end', 'éxABC', true],
    ['k', 'whole', '\u212a', false],
    ['ß', 'whole', 'SS', true],
    ['ΰɀɐΐΰῆK', 'whole', 'Ϋ́ɀⱯΐΫ́Η͂k', true],
    ['ΰɀɐΐΰῆK', 'whole', 'Ϋ́ȿⱯΐΫ́Η͂k', false],
    ['Ⱥc', 'whole', 'ⱥC', true],
  ])('%s (%s) ~ %s: %s', (pattern, anchor, value, expected) => {
    expect(ignoreCaseTest(pattern, anchor)(value)).toBe(expected);
  });
});
