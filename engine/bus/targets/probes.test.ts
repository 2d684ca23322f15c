/**
 * @module Tests of the target probes at rule load, with probe functions of the test's own: refusals become
 * issues at the config field and a health problem, an unreachable system is retried with backoff and cleared
 * once it answers, a changed rule is probed again, a removed one stops and leaves no health problem.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthState } from '../../core/health.js';
import { validateRule } from '../files/validate.js';
import type { TargetProbeProblem, TargetTypeDefinition } from '../types.js';
import { builtinTargetTypes, createTargetRegistry } from './index.js';
import { TargetProbes } from './probes.js';

type ProbeAnswer = TargetProbeProblem[] | Error;

/** A target type whose probe gives the queued answers in turn (the last one from then on). */
function queueType(answers: ProbeAnswer[]): { definition: TargetTypeDefinition; calls: () => number } {
  let calls = 0;
  const definition: TargetTypeDefinition = {
    type: 'queue',
    title: 'Queue',
    description: 'A test queue.',
    config: { type: 'object', properties: { exchange: { type: 'string' } }, additionalProperties: false },
    async probe() {
      const answer = answers[Math.min(calls, answers.length - 1)]!;
      calls += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    deliver: async () => undefined,
  };
  return { definition, calls: () => calls };
}

function compiled(definition: TargetTypeDefinition, exchange: string) {
  const targets = createTargetRegistry([...builtinTargetTypes, definition]);
  const document = {
    format: 'flowbus/rule@1',
    name: 'To the queue',
    pattern: { source: ['shop'] },
    targets: [{ id: 'archive', type: 'log-store' }, { id: 'out', type: 'queue', config: { exchange } }],
  };
  const { rule, issues } = validateRule(document, { id: 'orders', file: 'flows/orders.rule.json', targets });
  expect(issues).toEqual([]);
  return rule!;
}

/** Polls, a turn of the event loop at a time, until the condition holds or 5 s have passed. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

let probes: TargetProbes | undefined;
afterEach(() => probes?.close());

describe('TargetProbes', () => {
  it("reports a refusal at the target's config field, in the rule's issues and in health", async () => {
    const { definition } = queueType([[{ pointer: '/exchange', message: "NOT_FOUND - no exchange 'x'" }]]);
    const health = createHealthState();
    probes = new TargetProbes({ health, log: () => undefined });
    probes.ruleChanged('orders', compiled(definition, 'x'));
    await until(() => probes!.issuesOf('orders').length > 0);
    expect(probes.issuesOf('orders')).toEqual([
      { file: 'flows/orders.rule.json', pointer: '/targets/1/config/exchange', code: 'broker-refused', message: "NOT_FOUND - no exchange 'x'" },
    ]);
    expect(health.problems()).toEqual([
      expect.objectContaining({
        component: 'rule:orders/targets/1/config',
        message: `rule "orders" target "out": NOT_FOUND - no exchange 'x'`,
        details: { file: 'flows/orders.rule.json', pointer: '/targets/1/config/exchange' },
      }),
    ]);
  });

  it('asks an unreachable system again with backoff and clears the problem once it answers well', async () => {
    const { definition, calls } = queueType([new Error('ECONNREFUSED'), new Error('ECONNREFUSED'), []]);
    const health = createHealthState();
    const logged: string[] = [];
    probes = new TargetProbes({ health, log: (_level, message) => logged.push(message), policy: { initialDelayMs: 1, maxDelayMs: 2 } });
    probes.ruleChanged('orders', compiled(definition, 'x'));
    await until(() => calls() >= 1 && health.problems().length === 1);
    expect(probes.issuesOf('orders')).toEqual([expect.objectContaining({ code: 'broker-unavailable', pointer: '/targets/1/config', message: 'ECONNREFUSED' })]);
    expect(probes.states()).toEqual([{ labels: { rule: 'orders', config: '/targets/1/config' }, value: 0 }]);
    await until(() => calls() === 3 && health.problems().length === 0);
    expect(probes.issuesOf('orders')).toEqual([]);
    expect(probes.states()).toEqual([{ labels: { rule: 'orders', config: '/targets/1/config' }, value: 1 }]);
    expect(logged[0]).toMatch(/^rule "orders" target "out": ECONNREFUSED; asking again in \d+ ms$/);
  });

  it('probes a rule again only when its probed configs changed, and stops for a removed rule', async () => {
    const { definition, calls } = queueType([[{ pointer: '/exchange', message: 'refused' }]]);
    const health = createHealthState();
    probes = new TargetProbes({ health, log: () => undefined });
    probes.ruleChanged('orders', compiled(definition, 'x'));
    await until(() => calls() === 1 && health.problems().length === 1);
    probes.ruleChanged('orders', compiled(definition, 'x'));
    probes.ruleChanged('orders', compiled(definition, 'y'));
    await until(() => calls() === 2);
    probes.ruleChanged('orders', undefined);
    expect(probes.issuesOf('orders')).toEqual([]);
    expect(health.problems()).toEqual([]);
  });
});
