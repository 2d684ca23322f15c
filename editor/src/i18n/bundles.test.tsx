/**
 * @module Tests of the text bundles: English and Chinese have the same keys (a key only one language has is
 * named with its bundle), the same `{{placeholders}}`, no empty text, and bundles do not share a group.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_BUNDLES } from './bundles.js';

/** Every text of a bundle by its dotted key. */
function flatten(messages: object, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') texts.set(path, value);
    else for (const [inner, text] of flatten(value as object, path)) texts.set(inner, text);
  }
  return texts;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]).sort();

/** The keys one side has and the other lacks, as `bundle: key` lines. */
function keyDifferences(name: string, left: Map<string, string>, right: Map<string, string>): string[] {
  return [...left.keys()].filter((key) => !right.has(key)).map((key) => `${name}: ${key}`);
}

describe('the text bundles', () => {
  for (const bundle of MESSAGE_BUNDLES) {
    const en = flatten(bundle.en);
    const zh = flatten(bundle['zh-CN']);
    it(`${bundle.name}: every English key has a Chinese text and the other way round`, () => {
      expect(keyDifferences(bundle.name, en, zh), 'in en, not in zh-CN').toEqual([]);
      expect(keyDifferences(bundle.name, zh, en), 'in zh-CN, not in en').toEqual([]);
    });
    it(`${bundle.name}: both languages fill in the same values, and no text is empty`, () => {
      const mismatched = [...en].filter(([key, text]) => zh.has(key) && placeholders(text).join() !== placeholders(zh.get(key)!).join());
      expect(mismatched.map(([key]) => key)).toEqual([]);
      const empty = [...en, ...zh].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }

  it('finds a key that only one language has (the check can fail)', () => {
    const en = flatten({ a: { b: 'x', c: 'y' } });
    const zh = flatten({ a: { b: 'x' }, d: 'z' });
    expect(keyDifferences('t', en, zh)).toEqual(['t: a.c']);
    expect(keyDifferences('t', zh, en)).toEqual(['t: d']);
  });

  it('gives each top-level group to one bundle, so merging them loses nothing', () => {
    const owners = new Map<string, string[]>();
    for (const bundle of MESSAGE_BUNDLES) {
      for (const group of Object.keys(bundle.en)) owners.set(group, [...(owners.get(group) ?? []), bundle.name]);
    }
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
  });
});
