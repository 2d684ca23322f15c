// Benchmark: executions per second of the story-1 flow in-process (its robot call stubbed by a dry run),
// against the same work written by hand with jsonata, measured in the same run.
import { readFile } from 'node:fs/promises';
import jsonata from 'jsonata';
import { createAppRegistry } from '../app/registry.js';
import { compileFlow } from '../engine/runtime/index.js';
import { eventTriggerInput } from '../engine/runtime/trigger-input.js';
import type { FlowDocument } from '../engine/flow/document.js';

const root = new URL('../', import.meta.url);
const document = JSON.parse(await readFile(new URL('flows/alarm-to-wecom.flow.json', root), 'utf8')) as FlowDocument;
const event = JSON.parse(await readFile(new URL('flows/events/cvm-guest-reboot.json', root), 'utf8'));
// Express, as before flows had modes: bench/durable.ts compares the two.
const flow = compileFlow('alarm-to-wecom', { ...document, execution: 'express' }, createAppRegistry());
const input = eventTriggerInput(event);

// The same logic by hand: the two expressions of the flow, compiled once, and the robot body built in JS.
const bodyExpression = jsonata(
  "{ 'region': payload.region, 'subject': payload.subject, 'type': payload.type, 'requestId': payload.id }",
);
const markdownExpression = jsonata(
  `'<font color="warning">收到告警信息，请及时处理</font>\n> 实例 ID: <font color="comment">' & vars.body.subject & '</font>\n> 地域: <font color="comment">' & vars.body.region & '</font>\n> 事件名称: <font color="comment">' & vars.body.type & '</font>'`,
);

async function byHand(): Promise<unknown> {
  const message = { payload: input.payload, attributes: input.attributes, vars: {} as Record<string, unknown> };
  message.vars = { ...message.vars, body: await bodyExpression.evaluate(message) };
  message.vars = { ...message.vars, markdown: await markdownExpression.evaluate(message) };
  return { msgtype: 'markdown', markdown: { content: message.vars.markdown } };
}

async function byFlowbus(): Promise<unknown> {
  const record = await flow.execute(input, { dryRun: true });
  if (record.status !== 'succeeded') throw new Error(`flow failed: ${record.error?.message}`);
  return record.result;
}

async function measure(name: string, work: () => Promise<unknown>, seconds: number): Promise<number> {
  for (let index = 0; index < 500; index++) await work(); // warm up
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (let index = 0; index < 100; index++) await work();
    count += 100;
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  console.log(`${name.padEnd(34)} ${perSecond.toFixed(0).padStart(9)} executions/s  ${(1e6 / perSecond).toFixed(1).padStart(7)} µs each`);
  return perSecond;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
console.log(`story-1 flow in-process, ${seconds} s per measurement, one at a time (node ${process.version})`);
const hand = await measure('jsonata by hand (baseline)', byHand, seconds);
const engine = await measure('flowbus runtime (xstate actor)', byFlowbus, seconds);
console.log(`ratio flowbus / by hand: ${(engine / hand).toFixed(3)} (the runtime costs ${(1e6 / engine - 1e6 / hand).toFixed(1)} µs per execution over the bare expressions)`);
