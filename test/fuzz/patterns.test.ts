/**
 * @module Property tests of the pattern language and rule files: mutated patterns and rules (values and
 * text) never crash the parser, the compiler or the validator; and the compiled matcher, the reference
 * matcher and the explanation always agree on whether an event matches.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRule } from '../../engine/bus/files/canonical.js';
import { validateRule } from '../../engine/bus/files/validate.js';
import {
  createRuleMatcher,
  explainMatch,
  matchesPattern,
  parsePattern,
} from '../../engine/bus/pattern/index.js';
import { builtinTargetTypes, createTargetRegistry } from '../../engine/bus/targets/index.js';
import { deepText, jsonValue, mutatedDocument, mutatedText, oddNumber, oddString } from './arbitraries.js';
import { FUZZ_RUNS, REPLAY } from './runs.js';

const PATTERNS: unknown[] = [
  { source: 'cvm.cloud.tencent' },
  { source: ['cvm.cloud.tencent'], type: ['cvm:ErrorEvent:DiskReadOnly', 'cvm:ErrorEvent:GuestReboot'] },
  {
    source: [{ prefix: 'cvm.' }],
    subject: [{ suffix: '-01' }],
    region: [{ 'equals-ignore-case': 'AP-GUANGZHOU' }],
  },
  { data: { dimensions: { ip: [{ cidr: '10.0.0.0/8' }] } }, status: [{ 'anything-but': ['0', '-'] }] },
  { time: [{ numeric: ['>', 0, '<=', 1e13] }], data: { n: [{ numeric: ['=', 3.5] }] } },
  { data: { tags: [{ exists: true }], missing: [{ exists: false }] } },
  { type: [{ wildcard: 'cvm:*Event:*' }], subject: [{ 'anything-but': { prefix: 'test-' } }] },
  { $or: [{ source: ['a'] }, { type: [{ prefix: 'b' }], data: { x: [null, true, 1] } }] },
  { source: ['x'], data: { list: [{ 'anything-but': { suffix: '.tmp' } }], empty: [''] } },
];

const EVENTS: unknown[] = [
  {
    specversion: '1.0',
    id: 'e',
    source: 'cvm.cloud.tencent',
    type: 'cvm:ErrorEvent:DiskReadOnly',
    subject: 'ins-01',
    region: 'ap-guangzhou',
    time: 1615430559146,
    status: '1',
    data: { dimensions: { ip: '10.1.2.3' }, n: 3.5, tags: { k: 'v' }, x: [1, null], list: ['a.tmp', 'b'] },
  },
  { source: 'a', type: 'b-c', subject: 'test-1', data: { x: true, empty: '', list: [] } },
];

const patternOrEvent = fc.oneof(
  { weight: 4, arbitrary: mutatedDocument(PATTERNS, 3) },
  { weight: 1, arbitrary: jsonValue },
);
const event = fc.oneof(
  { weight: 4, arbitrary: mutatedDocument(EVENTS, 3) },
  { weight: 1, arbitrary: fc.record({ source: fc.oneof(oddString, oddNumber), data: jsonValue }) },
);

function expectIssues(issues: ReadonlyArray<{ pointer: string; message: string }>): void {
  assert.ok(issues.length > 0, 'a refusal has issues');
  for (const issue of issues) {
    assert.ok(issue.pointer === '' || issue.pointer.startsWith('/'), `pointer ${issue.pointer}`);
    assert.ok(issue.message.length > 0, 'an issue has a message');
  }
}

/** Compiles a parsed pattern and checks that the three ways of matching agree on the events. */
function expectMatchersAgree(pattern: unknown, events: unknown[]): void {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) return expectIssues(parsed.issues);
  const matcher = createRuleMatcher();
  matcher.add('rule', parsed.pattern);
  for (const candidate of events) {
    const expected = matchesPattern(parsed.pattern, candidate);
    assert.deepStrictEqual(
      matcher.match(candidate),
      expected ? ['rule'] : [],
      'compiled and reference matcher',
    );
    assert.equal(
      explainMatch(parsed.pattern, candidate).match,
      expected,
      'explanation and reference matcher',
    );
  }
}

describe('patterns under generated input', () => {
  it('parses, compiles and matches mutated patterns, all three matchers agreeing', () => {
    fc.assert(
      fc.property(patternOrEvent, fc.array(event, { minLength: 1, maxLength: 3 }), expectMatchersAgree),
      { ...REPLAY, numRuns: FUZZ_RUNS.patternValues },
    );
  }, 120_000);

  it('reads mutated pattern text (with repeated keys, huge numbers, deep nesting) without crashing', () => {
    const text = fc.oneof(
      { weight: 9, arbitrary: mutatedText(mutatedDocument(PATTERNS, 1)) },
      { weight: 1, arbitrary: deepText },
    );
    fc.assert(
      fc.property(text, (source) => {
        const parsed = parsePattern(source);
        if (!parsed.ok) expectIssues(parsed.issues);
        else expectMatchersAgree(parsed.pattern.json, EVENTS);
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.patternTexts },
    );
  }, 120_000);
});

describe('rule files under generated input', () => {
  const targets = createTargetRegistry([...builtinTargetTypes]);
  const rules = PATTERNS.map((pattern, index) => ({
    format: 'flowbus/rule@1',
    name: `rule ${index}`,
    bus: 'default',
    enabled: index % 2 === 0,
    pattern,
    targets: [
      { id: 'archive', type: 'log-store' },
      { id: 'hook', type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' }, retry: { maxAttempts: 2 } },
    ],
    ...(index % 3 === 0 ? { transform: { jsonata: '{"s": source}' } } : {}),
  }));

  it('starts from valid rules', () => {
    for (const rule of rules) expect(validateRule(rule, { id: 'r', targets }).issues).toEqual([]);
  });

  it('validates mutated rules without crashing; a valid one compiles and writes', () => {
    fc.assert(
      fc.property(mutatedDocument(rules, 3), (rule) => {
        const { issues, rule: compiled } = validateRule(rule, {
          id: 'fuzz',
          targets,
          buses: new Set(['default']),
        });
        if (!compiled) return expectIssues(issues);
        assert.deepStrictEqual(issues, []);
        assert.ok(formatRule(rule).endsWith('\n'));
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.ruleValues },
    );
  }, 120_000);
});
