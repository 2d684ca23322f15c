/**
 * @module Differential test of the expression compiler: every case of the JSONata reference suite (read from
 * the shared folder beside the repository) that the compiler accepts must give, through the compiled path,
 * the interpreter's result or error code and the case file's. Skipped when the shared folder is absent.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outcomeDifference } from './jsonata-compare.js';
import {
  expectedOutcome,
  interpret,
  loadSuite,
  prepareCase,
  runCompiled,
  SUITE_AVAILABLE,
  type SuiteCase,
} from './jsonata-suite.js';

interface GroupCount {
  total: number;
  compiled: number;
  handedOver: number;
  mismatches: number;
}

const cases = loadSuite();
const groups = new Map<string, SuiteCase[]>();
for (const testCase of cases) groups.set(testCase.group, [...(groups.get(testCase.group) ?? []), testCase]);
const counts = new Map<string, GroupCount>();

/** Runs one case both ways; returns what differs, or undefined. */
async function differential(testCase: SuiteCase, count: GroupCount): Promise<string | undefined> {
  count.total++;
  const prepared = prepareCase(testCase);
  if (!prepared.compiled) return undefined;
  count.compiled++;
  const compiled = runCompiled(prepared);
  if ('fallback' in compiled) {
    count.handedOver++;
    return undefined;
  }
  const interpreted = await interpret(prepared);
  const fromInterpreter = outcomeDifference(compiled, interpreted, true);
  const fromCaseFile = outcomeDifference(compiled, expectedOutcome(testCase), false);
  if (!fromInterpreter && !fromCaseFile) return undefined;
  count.mismatches++;
  return `${testCase.name} ${JSON.stringify(testCase.expr)}: interpreter ${fromInterpreter ?? 'same'}, case ${fromCaseFile ?? 'same'}`;
}

describe.skipIf(!SUITE_AVAILABLE)('compiled JSONata against the reference suite (shared/acceptance/jsonata-suite)', () => {
  // `$now()` and `$millis()` must agree between the two runs of a case, so the clock stands still.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-11T08:30:00.000Z') });
  });
  afterAll(() => {
    vi.useRealTimers();
    const rows = [...counts].map(([group, count]) => ({ group, ...count }));
    const total = rows.reduce((sum, row) => ({
      total: sum.total + row.total,
      compiled: sum.compiled + row.compiled,
      handedOver: sum.handedOver + row.handedOver,
      mismatches: sum.mismatches + row.mismatches,
    }), { total: 0, compiled: 0, handedOver: 0, mismatches: 0 });
    console.log(`compiled JSONata: ${JSON.stringify(total)}`);
    console.table(rows);
  });

  for (const [group, members] of groups) {
    it(`${group}: every compiled case agrees with the interpreter and the case file`, async () => {
      const count: GroupCount = { total: 0, compiled: 0, handedOver: 0, mismatches: 0 };
      counts.set(group, count);
      const mismatches: string[] = [];
      for (const testCase of members) {
        const found = await differential(testCase, count);
        if (found) mismatches.push(found);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('compiles most of the suite (a regression in what the compiler accepts fails here)', () => {
    const compiled = [...counts.values()].reduce((sum, count) => sum + count.compiled, 0);
    expect(cases.length).toBeGreaterThan(1300);
    expect(compiled).toBeGreaterThanOrEqual(1330);
  });
});
