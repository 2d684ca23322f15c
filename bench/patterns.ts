/**
 * @module Benchmark of rule matching: the compiled matcher against a loop calling `matchesPattern` per
 * rule, at 10 to 10,000 rules of alarm-style patterns. Run: `node --import tsx bench/patterns.ts`.
 */
import {
  createRuleMatcher,
  matchesPattern,
  parsePattern,
  type Pattern,
  type RuleMatcher,
} from '../engine/bus/pattern/index.js';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same rules and events. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const integer = (below: number): number => Math.floor(next() * below);

const PRODUCTS = ['cvm', 'cdb', 'clb', 'cos', 'redis', 'ckafka', 'tdmq', 'apigw', 'scf', 'vpc', 'cbs', 'dts'];
const EVENTS = ['ping_unreachable', 'disk_readonly', 'guest_reboot', 'oom', 'nic_down', 'cpu_overload'];
const REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-beijing', 'ap-chengdu', 'ap-hongkong', 'na-ashburn'];
/** Instances and accounts come from pools, so that some events hit some rules and most hit none. */
const instanceId = (): string => `ins-${integer(36 ** 6).toString(36).padStart(6, '0')}`;
const INSTANCES = Array.from({ length: 20_000 }, instanceId);
const APP_IDS = Array.from({ length: 2_000 }, (_, index) => String(1250000000 + index * 7));
const octet = (): number => integer(256);

/** An alarm event shaped like the cloud-service events of the reference (CloudEvents envelope). */
function makeEvent(): Record<string, unknown> {
  const product = pick(PRODUCTS);
  const subject = pick(INSTANCES);
  return {
    specversion: '1.0',
    id: `${integer(1e9)}-${integer(1e9)}`,
    source: `${product}.cloud.tencent`,
    type: `${product}:ErrorEvent:${pick(EVENTS)}`,
    subject,
    time: 1_700_000_000_000 + integer(1e9),
    region: pick(REGIONS),
    status: pick(['1', '0', '-']),
    data: {
      appId: pick(APP_IDS),
      instanceId: subject,
      projectId: String(integer(50)),
      value: integer(100_000) / 100,
      dimensions: { ip: `10.${octet()}.${octet()}.${octet()}` },
    },
  };
}

type RuleMix = 'mixed' | 'exact-prefix';

/**
 * A rule as an operator writes alarm rules: a source or event type, narrowed by instance or account;
 * mostly exact values and prefixes, some numeric thresholds, anything-but, suffix, cidr and wildcard.
 */
function makeRule(mix: RuleMix): Record<string, unknown> {
  const product = pick(PRODUCTS);
  const source = `${product}.cloud.tencent`;
  const type = (): string => `${product}:ErrorEvent:${pick(EVENTS)}`;
  const appId = pick(APP_IDS);
  const roll = mix === 'exact-prefix' ? integer(72) : integer(100);
  if (roll < 24) return { source, subject: [pick(INSTANCES), pick(INSTANCES), pick(INSTANCES)] };
  if (roll < 40) return { source, type: [type(), type()], data: { appId: [appId] } };
  if (roll < 52) return { source, subject: [{ prefix: pick(INSTANCES).slice(0, 7) }] };
  if (roll < 62) {
    return { type: [{ prefix: `${product}:ErrorEvent:` }], data: { appId: [appId] }, region: pick(REGIONS) };
  }
  if (roll < 72) return { source, type: [type()], data: { appId: [appId, pick(APP_IDS)] } };
  if (roll < 80) return { type: type(), data: { appId, value: [{ numeric: ['>', integer(1000)] }] } };
  if (roll < 86) return { source, status: [{ 'anything-but': ['0', '-'] }], data: { appId: [appId] } };
  if (roll < 91) return { type: [{ suffix: `:${pick(EVENTS)}` }], data: { appId: [appId] } };
  if (roll < 96) return { source, data: { dimensions: { ip: [{ cidr: `10.${octet()}.${octet()}.0/24` }] } } };
  return { source, subject: [{ wildcard: `ins-${pick(INSTANCES).slice(4, 7)}*` }] };
}

function makeRules(count: number, mix: RuleMix): Pattern[] {
  return Array.from({ length: count }, () => {
    const parsed = parsePattern(makeRule(mix));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.pattern;
  });
}

function compile(rules: Pattern[]): RuleMatcher {
  const matcher = createRuleMatcher();
  rules.forEach((pattern, index) => matcher.add(`rule-${index}`, pattern));
  return matcher;
}

function naiveMatch(rules: Pattern[], event: unknown): string[] {
  const found: string[] = [];
  for (let index = 0; index < rules.length; index++) {
    if (matchesPattern(rules[index]!, event)) found.push(`rule-${index}`);
  }
  return found;
}

/** Both matchers must give the same rules for the first events, or the figures mean nothing. */
function checkAgreement(matcher: RuleMatcher, rules: Pattern[], events: unknown[]): void {
  for (const event of events.slice(0, 200)) {
    const compiled = matcher.match(event).sort().join();
    const naive = naiveMatch(rules, event).sort().join();
    if (compiled !== naive) throw new Error(`the matchers disagree at ${rules.length} rules`);
  }
}

interface Contender {
  name: string;
  matchOne: (event: unknown) => number;
  best: number;
  matches: number;
}

/** Runs one contender over the events for about `sliceMs`; keeps its best rate. */
function measureSlice(contender: Contender, events: unknown[], sliceMs: number): void {
  const chunk = 16;
  let processed = 0;
  let matches = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < sliceMs) {
    for (let index = processed; index < processed + chunk; index++) {
      matches += contender.matchOne(events[index % events.length]);
    }
    processed += chunk;
    elapsed = performance.now() - started;
  }
  contender.best = Math.max(contender.best, (processed / elapsed) * 1000);
  contender.matches = matches / processed;
}

function contender(name: string, matchOne: (event: unknown) => number): Contender {
  return { name, matchOne, best: 0, matches: 0 };
}

const format = (value: number): string => Math.round(value).toLocaleString('en-US').padStart(12);

function main(): void {
  // events as a bus receives them: parsed from JSON text (flat strings), a working set that fits in cache
  const events = Array.from({ length: 512 }, () => JSON.parse(JSON.stringify(makeEvent())) as unknown);
  const allRules = makeRules(10_000, 'mixed');
  const counts = [10, 100, 1_000, 10_000];
  const contenders: Contender[] = [];
  for (const count of counts) {
    const rules = allRules.slice(0, count);
    const matcher = compile(rules);
    checkAgreement(matcher, rules, events);
    contenders.push(contender(`compiled-${count}`, (event) => matcher.match(event).length));
    contenders.push(contender(`naive-${count}`, (event) => naiveMatch(rules, event).length));
  }
  const exactPrefixRules = makeRules(1_000, 'exact-prefix');
  const exactPrefix = compile(exactPrefixRules);
  checkAgreement(exactPrefix, exactPrefixRules, events);
  contenders.push(contender('exact-prefix', (event) => exactPrefix.match(event).length));

  // interleaved slices, best kept: a burst of load from other processes does not land on one contender only
  for (const one of contenders) measureSlice(one, events, 50);
  for (let round = 0; round < 6; round++) for (const one of contenders) measureSlice(one, events, 300);

  const find = (name: string): Contender => contenders.find((one) => one.name === name)!;
  console.log('rule matching, one core, best of 6 interleaved slices; events/s (higher is better)');
  console.log('   rules |  compiled ev/s |     naive ev/s | compiled/naive | matches/event');
  for (const count of counts) {
    const compiled = find(`compiled-${count}`);
    const naive = find(`naive-${count}`);
    const ratio = (compiled.best / naive.best).toFixed(1).padStart(14);
    const row = [String(count).padStart(8), `${format(compiled.best)}  `, `${format(naive.best)}  `, ratio];
    console.log(`${row.join(' | ')} | ${compiled.matches.toFixed(3).padStart(13)}`);
  }
  const costRatio = find('compiled-10').best / find('compiled-10000').best;
  console.log(`cost per event, 10,000 rules vs 10 rules (compiled): ${costRatio.toFixed(2)}x (target < 2)`);
  const rate = format(find('exact-prefix').best).trim();
  console.log(`1,000 exact/prefix rules, compiled: ${rate} events/s (target >= 1,000,000)`);
}

main();
