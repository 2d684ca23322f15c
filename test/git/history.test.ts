/**
 * `flowbus diff` on the story-1 flow and rule's history, built commit by commit in a real repository: each
 * commit's diff says exactly the changes made, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createAppRegistry } from '../../app/registry.js';
import { connectorTargetTypes } from '../../connectors/index.js';
import { runCli } from '../../engine/cli/index.js';
import { createTestRepo, type TestRepo } from './repo.js';
import { readFile } from 'node:fs/promises';
import { root } from './repo.js';

const FLOW = 'flows/alarm-to-wecom.flow.json';
const RULE = 'flows/cvm-alarms-to-im.rule.json';
const registry = createAppRegistry();
let repo: TestRepo;

async function diff(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const deps = { registry, targetTypes: connectorTargetTypes, cwd: repo.dir, out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
  const code = await runCli(['diff', ...args], deps);
  return { code, out: out.length === 0 ? '' : `${out.join('\n')}\n`, err: err.join('\n') };
}

async function story(path: string) {
  return JSON.parse(await readFile(join(root, path), 'utf8'));
}

/** Edits the flow and the rule as they are in the work tree, then commits. */
async function commit(message: string, edit: (flow: any, rule: any) => void) {
  const flow = await repo.readJson(FLOW);
  const rule = await repo.readJson(RULE);
  edit(flow, rule);
  await repo.writeDocument(FLOW, flow);
  await repo.writeDocument(RULE, rule);
  await repo.commitAll(message);
}

beforeAll(async () => {
  repo = await createTestRepo();
});
afterAll(() => repo.close());

describe('flowbus diff on the story history', () => {
  it('1: the first version of the flow and its rule, before anything is committed, is all added', async () => {
    await repo.writeDocument(FLOW, await story(FLOW));
    const rule = await story(RULE);
    rule.targets = rule.targets.slice(0, 1);
    await repo.writeDocument(RULE, rule);
    const result = JSON.parse((await diff('--json')).out);
    const summary = result.files.map((file: any) => [file.file, file.status, file.changes.filter((entry: any) => entry.change === 'added').map((entry: any) => `${entry.node} ${entry.id}`)]);
    expect(summary).toEqual([
      [FLOW, 'added', ['trigger on-alarm', 'step body', 'step markdown', 'step send-guard', 'step send', 'branch on-any-error', 'step log-error']],
      [RULE, 'added', ['target wecom']],
    ]);
    await repo.commitAll('story 1: the WeCom flow and its rule');
    expect(await diff('--exit-code')).toEqual({ code: 0, out: '', err: '' });
  });

  it('2: a new title and message type', async () => {
    await commit('send plain text', (flow) => {
      flow.steps[1].name = 'Build the text';
      flow.steps[2].steps[0].config.msgType = 'text';
    });
    expect((await diff('HEAD~1..HEAD')).out).toBe(
      `${FLOW} (flow, modified)\n` +
        '  ~ step markdown renamed: "Build the message" → "Build the text"\n' +
        '  ~ step send /config/msgType: "markdown" → "text"\n',
    );
  });

  it('3: a step added in the Catch and another bus for the trigger', async () => {
    await commit('audit failed sends', (flow) => {
      flow.trigger.config.bus = 'ops';
      flow.steps[2].catch[0].steps.push({ id: 'audit', type: 'logger', config: { level: 'WARN', category: 'audit', content: { $expr: 'error.type' } } });
    });
    expect((await diff('HEAD~1', 'HEAD')).out).toBe(
      `${FLOW} (flow, modified)\n` +
        '  ~ trigger on-alarm /config/bus: "default" → "ops"\n' +
        '  + step audit (logger) added at on-any-error.steps #2\n' +
        '      /config/category: "audit"\n' +
        '      /config/content: expr(error.type)\n' +
        '      /config/level: "WARN"\n',
    );
  });

  it('4: a step moved into the Try scope', async () => {
    await commit('build the message inside the Try', (flow) => {
      const [markdown] = flow.steps.splice(1, 1);
      flow.steps[1].steps.unshift(markdown);
    });
    expect((await diff('HEAD~1..HEAD')).out).toBe(
      `${FLOW} (flow, modified)\n` + '  > step markdown moved from steps #2 to send-guard.steps #1\n',
    );
  });

  it('5: a step removed, the rule pattern narrowed, a target added and the rule disabled', async () => {
    await commit('route reboots only, archive them', (flow, rule) => {
      flow.steps.splice(0, 1);
      rule.pattern.type = ['cvm:ErrorEvent:GuestReboot'];
      rule.enabled = false;
      rule.targets.push({ id: 'archive', type: 'log-store' });
    });
    const result = await diff('HEAD~1..HEAD', '--exit-code');
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      `${FLOW} (flow, modified)\n` +
        '  - step body (set-variable) removed from steps #1\n' +
        `${RULE} (rule, modified)\n` +
        '  ~ rule /enabled: true → false\n' +
        '  ~ rule /pattern/type: (none) → ["cvm:ErrorEvent:GuestReboot"]\n' +
        '  + target archive (log-store) added at targets #2\n',
    );
  });

  it('6: the rule file deleted, seen from the work tree before the commit and across the whole history', async () => {
    await rm(join(repo.dir, RULE));
    expect((await diff()).out).toBe(`${RULE} (rule, removed)\n` + '  - target wecom (flow) removed from targets #1\n' + '  - target archive (log-store) removed from targets #2\n');
    await repo.commitAll('no rule for now');
    const whole = JSON.parse((await diff('HEAD~5..HEAD', '--json')).out);
    expect(whole.files.map((file: any) => [file.file, file.status])).toEqual([[FLOW, 'modified'], [RULE, 'removed']]);
    expect(whole.files[0].changes.map((entry: any) => `${entry.change} ${entry.node} ${entry.id ?? ''}${entry.pointer ?? ''}`)).toEqual([
      'changed trigger on-alarm/config/bus',
      'moved step markdown',
      'renamed step markdown/name',
      'changed step send/config/msgType',
      'added step audit',
      'removed step body',
    ]);
  });

  it('says what is wrong with a bad revision or a folder outside git', async () => {
    expect(await diff('nope..HEAD')).toEqual({ code: 2, out: '', err: 'flowbus diff: git ls-tree: fatal: Not a valid object name nope' });
    const outside = await diff('HEAD', '--flows', '/');
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('/ is not in a git work tree; give two files to compare instead');
  });
});
