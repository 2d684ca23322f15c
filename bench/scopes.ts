/**
 * @module Scope cost benchmark (issue 12 item 4): the story-1-like steps of bench/http.ts (Set Variable with an
 * expression, Set Payload with a template) run in-process as an express flow, bare and inside a Try, a Choice
 * and a For Each of one item. The bare flow is the baseline; each round runs every variant for the same number
 * of executions, alternating, and the figure is the median of the rounds' CPU µs per execution.
 *
 * Run: `node --import tsx bench/scopes.ts` (BENCH_ROUNDS=7, BENCH_EXECUTIONS=4000 per round by default).
 * `BENCH_ONLY=for` runs only the variants whose name starts with that (comma-separated, any case), e.g. for a
 * CPU profile of one variant: `BENCH_ONLY=for node --import tsx --cpu-prof bench/scopes.ts`.
 */
import { createRegistry } from '../engine/core/registry.js';
import type { FlowDocument, StepNode } from '../engine/flow/document.js';
import { compileFlow } from '../engine/runtime/index.js';
import { builtinSteps } from '../engine/steps/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 4000);
const ONLY = process.env.BENCH_ONLY?.toLowerCase().split(',').filter(Boolean);

const EVENT = {
  id: '13a3f42d-7258-4ada-da6d-023a333b4662',
  type: 'cvm:ErrorEvent:ping_unreachable',
  subject: 'ins-sjksjk',
  region: 'ap-guangzhou',
  data: { appId: '1250000011', instanceId: 'ins-sjksjk', dimensions: { ip: '127.0.0.1' } },
};
const TEMPLATE = '收到告警信息\n> 实例 ID: {{vars.body.subject}}\n> 地域: {{vars.body.region}}\n> 事件名称: {{vars.body.type}}';

/** The steps every variant runs; `from` is where the event is in the message the steps get. */
const steps = (from: string): StepNode[] => [
  {
    id: 'keep-fields',
    type: 'set-variable',
    config: {
      name: 'body',
      value: { $expr: `{"region": ${from}.region, "subject": ${from}.subject, "type": ${from}.type, "id": ${from}.id}` },
    },
  },
  {
    id: 'to-markdown',
    type: 'set-payload',
    config: { value: { msgtype: 'markdown', markdown: { content: { $template: TEMPLATE } } } },
  },
];

const VARIANTS: Record<string, StepNode[]> = {
  'no scope (baseline)': steps('payload'),
  Try: [{ id: 'guard', type: 'try', config: {}, steps: steps('payload'), catch: [{ id: 'any', config: {}, steps: [] }] }],
  Choice: [
    {
      id: 'route',
      type: 'choice',
      config: {},
      when: [{ id: 'alarm', config: { condition: { $expr: 'true' } }, steps: steps('payload') }],
      otherwise: [],
    },
  ],
  'For Each (one item)': [
    { id: 'each', type: 'for-each', config: { items: { $expr: '[payload]' } }, steps: steps('payload') },
  ],
};

const registry = createRegistry(builtinSteps);
const chosen = Object.entries(VARIANTS).filter(
  ([name]) => !ONLY || ONLY.some((prefix) => name.toLowerCase().startsWith(prefix)),
);
const flows = chosen.map(([name, variantSteps]) => {
  const document: FlowDocument = {
    format: 'flowbus/flow@1',
    name,
    execution: 'express',
    trigger: { id: 'receive', type: 'http', config: { path: '/alarm', methods: ['POST'] } },
    steps: variantSteps,
  };
  return { name, flow: compileFlow('scopes', document, registry) };
});

async function runMany(flow: (typeof flows)[number]['flow'], count: number): Promise<number> {
  const started = process.cpuUsage();
  for (let index = 0; index < count; index++) {
    const record = await flow.execute({ payload: EVENT });
    if (record.status !== 'succeeded') throw new Error(`flow failed: ${record.error?.message}`);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / count;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const { flow } of flows) await runMany(flow, 1000); // warm-up: JIT, caches
const perRound = new Map<string, number[]>(flows.map(({ name }) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const { name, flow } of flows) perRound.get(name)!.push(await runMany(flow, EXECUTIONS));
}
const baselineRounds = perRound.get('no scope (baseline)');
const baseline = baselineRounds ? median(baselineRounds) : NaN;
console.log(`express flow in-process, ${ROUNDS} rounds of ${EXECUTIONS} executions each (node ${process.version})`);
console.log('variant                  µs CPU each (median)   range           vs no scope');
for (const [name, values] of perRound) {
  const range = `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
  const ratio = baselineRounds ? `${(median(values) / baseline).toFixed(2)}x` : '–';
  console.log(`${name.padEnd(24)} ${median(values).toFixed(1).padStart(20)}   ${range.padEnd(14)} ${ratio.padStart(11)}`);
}
console.log('aim: a scope adds at most 20 % (≤ 1.20x)');
