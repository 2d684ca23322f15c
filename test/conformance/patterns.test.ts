/**
 * @module Conformance of the pattern language against the shared acceptance cases (event-ruler, quamina
 * and EventBridge documentation), run when the `shared` folder sits beside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createRuleMatcher,
  explainMatch,
  matchesPattern,
  parsePattern,
  type Pattern,
} from '../../engine/bus/pattern/index.js';

const folder = new URL('../../../shared/acceptance/', import.meta.url);
const available = existsSync(fileURLToPath(new URL('patterns.json', folder)));

/**
 * Every case whose expected outcome flowbus deliberately does not follow, with the reason (PATTERNS.md,
 * "Decisions"). These cases are asserted to give the opposite outcome, so this list cannot go stale.
 */
const EXCEPTIONS: Record<string, string> = {
  // A plain value is a one-element list (the acceptance README's "Note for flowbus"; Tencent rules use it).
  'er-invalid-jrc-structure-values-7': 'plain value = one-element list',
  'qm-invalid-pattern-03': 'plain value = one-element list',
  'qm-invalid-pattern-04': 'plain value = one-element list',
  'qm-invalid-pattern-05': 'plain value = one-element list',
  'qm-invalid-pattern-06': 'plain value = one-element list',
  // Disputed: quamina rejects these, event-ruler and the EventBridge documentation accept them.
  'qm-invalid-pattern-14': 'exists may share a list with other values (event-ruler, EventBridge)',
  'qm-invalid-anythingbut-02': 'anything-but takes a single number (EventBridge documentation)',
  'qm-invalid-anythingbut-10': 'anything-but takes a single string (EventBridge documentation)',
  'qm-invalid-anythingbut-11': 'anything-but may share a list with other values (event-ruler)',
  'qm-invalid-anythingbut-12': 'anything-but may share a list with other values (event-ruler)',
  // event-ruler joins nested keys with '.', so "a.b" and {"a": {"b"}} are one field; flowbus keeps nesting.
  'er-machine-quirk-dotted-mixed-a': 'dotted keys are literal field names, not paths',
  'er-machine-quirk-dotted-mixed-b': 'dotted keys are literal field names, not paths',
  'er-machine-quirk-dotted-issue255': 'dotted keys are literal field names, not paths',
  'er-readme-dotted-keys-2': 'dotted keys are literal field names, not paths',
  'er-readme-dotted-keys-3': 'dotted keys are literal field names, not paths',
  // event-ruler lets a $or branch replace an outer condition on the same field; flowbus ANDs them.
  'er-compiler-override-e2': 'a $or branch never overrides a condition outside the $or',
};

interface Case {
  id: string;
  text: string;
  event?: unknown;
  match?: boolean;
}

/** The raw text of a member in a one-line JSON object (number spellings survive, unlike JSON.parse). */
function rawMember(line: string, key: string): string {
  const start = line.indexOf(`"${key}": `) + key.length + 4;
  let depth = 0;
  for (let index = start; index < line.length; index++) {
    const char = line[index];
    if (char === '"') {
      index++;
      while (line[index] !== '"') index += line[index] === '\\' ? 2 : 1;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    const ended = /[}\]"]/.test(char!) || /[,}]/.test(line[index + 1] ?? '');
    if (depth === 0 && ended) return line.slice(start, index + 1);
  }
  throw new Error(`no "${key}" member in ${line.slice(0, 80)}`);
}

function loadCases(file: string): Case[] {
  if (!available) return [];
  const text = readFileSync(new URL(file, folder), 'utf8');
  const lines = text.split('\n').filter((line) => line.startsWith('  {'));
  return lines.map((line) => {
    const data = JSON.parse(line.replace(/,\s*$/, '')) as Record<string, unknown>;
    const text = typeof data.pattern_raw === 'string' ? data.pattern_raw : rawMember(line, 'pattern');
    return { id: data.id as string, text, event: data.event, match: data.match as boolean | undefined };
  });
}

function parsed(text: string): Pattern {
  const result = parsePattern(text);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.issues)}`);
  return result.pattern;
}

const matching = loadCases('patterns.json');
const valid = loadCases('valid-patterns.json');
const invalid = loadCases('invalid-patterns.json');
const expectedMatch = (c: Case): boolean => (c.id in EXCEPTIONS ? !c.match : c.match!);

describe.skipIf(!available)('pattern conformance (shared/acceptance)', () => {
  it('keeps the exception list to flagged cases that exist', () => {
    const ids = new Set([...matching, ...valid, ...invalid].map((c) => c.id));
    expect(Object.keys(EXCEPTIONS).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(EXCEPTIONS)).toHaveLength(16);
    expect(matching.length + valid.length + invalid.length).toBe(859);
  });

  it.each(matching)('patterns.json $id', (c) => {
    const pattern = parsed(c.text);
    expect(matchesPattern(pattern, c.event)).toBe(expectedMatch(c));
    expect(explainMatch(pattern, c.event).match).toBe(expectedMatch(c));
  });

  it('compiles every case into one rule matcher that agrees with matchesPattern on every event', () => {
    const matcher = createRuleMatcher();
    const rules = matching.map((c) => ({ id: c.id, pattern: parsed(c.text) }));
    for (const rule of rules) matcher.add(rule.id, rule.pattern);
    expect(matcher.size).toBe(rules.length);
    let disagreements = 0;
    for (const c of matching) {
      const found = new Set(matcher.match(c.event));
      expect(found.has(c.id), c.id).toBe(expectedMatch(c));
      for (const rule of rules) {
        if (found.has(rule.id) !== matchesPattern(rule.pattern, c.event)) disagreements++;
      }
    }
    expect(disagreements).toBe(0);
  });

  it.each(valid)('valid-patterns.json $id', (c) => {
    expect(parsePattern(c.text)).toMatchObject({ ok: true });
  });

  it.each(invalid)('invalid-patterns.json $id', (c) => {
    const result = parsePattern(c.text);
    if (c.id in EXCEPTIONS) {
      expect(result).toMatchObject({ ok: true });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.pointer).toMatch(/^(\/.*)?$/);
      expect(issue.message.length).toBeGreaterThan(10);
    }
  });
});
