/**
 * The merge driver in a real repository: installed by `flowbus git setup`, run by `git merge` itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { formatFlow } from '../../engine/flow/canonical.js';
import { createTestRepo, storyFlow, type TestRepo } from './repo.js';

const FLOW = 'flows/alarm-to-wecom.flow.json';
let repo: TestRepo;

beforeEach(async () => {
  repo = await createTestRepo();
  const setup = await repo.flowbus('git', 'setup');
  expect(setup).toMatchObject({ code: 0 });
  await repo.writeDocument(FLOW, await storyFlow('alarm-to-wecom'));
  await repo.commitAll('the story-1 flow');
}, 60_000);
afterEach(() => repo.close());

/** Commits `edit` of the flow on a new branch `name` from main, then returns to main. */
async function branch(name: string, edit: (flow: any) => void): Promise<void> {
  await repo.git('checkout', '-q', '-b', name, 'main');
  const flow = await repo.readJson(FLOW);
  edit(flow);
  await repo.writeDocument(FLOW, flow);
  await repo.commitAll(`${name}: edit the flow`);
  await repo.git('checkout', '-q', 'main');
}

describe('git merge with the flowbus driver', () => {
  it('merges a branch that moves a step with one that changes another step, into a valid canonical file', async () => {
    // Moving the Try to the front makes a line diff move the two steps before it instead, so a line merge
    // conflicts with the change inside one of them (checked by hand without the driver).
    await branch('move', (flow) => flow.steps.unshift(flow.steps.pop()));
    await branch('change', (flow) => (flow.steps[1].config.name = 'message'));
    await repo.git('checkout', '-q', '-b', 'merged', 'move');
    const merge = await repo.gitStatus('merge', '--no-edit', 'change');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    const text = await readFile(join(repo.dir, FLOW), 'utf8');
    const flow = JSON.parse(text);
    expect(flow.steps.map((step: { id: string }) => step.id)).toEqual(['send-guard', 'body', 'markdown']);
    expect(flow.steps[2].config.name).toBe('message');
    expect(text).toBe(formatFlow(flow, createAppRegistry()));
    expect(await repo.flowbus('validate', 'flows')).toMatchObject({ code: 0 });
    const log = await repo.flowbus('diff', 'main..merged');
    expect(log.stdout).toBe(
      'flows/alarm-to-wecom.flow.json (flow, modified)\n' +
        '  > step send-guard moved from steps #3 to steps #1\n' +
        '  ~ step markdown /config/name: "markdown" → "message"\n',
    );
  }, 120_000);

  it('falls back to a line merge without the driver, which conflicts on the same two branches', async () => {
    await repo.git('config', '--unset', 'merge.flowbus.driver');
    await branch('move', (flow) => flow.steps.unshift(flow.steps.pop()));
    await branch('change', (flow) => (flow.steps[1].config.name = 'message'));
    await repo.git('checkout', '-q', '-b', 'merged', 'move');
    expect((await repo.gitStatus('merge', '--no-edit', 'change')).code).not.toBe(0);
  }, 120_000);

  it('leaves a conflict on the same field that validate reports at that step with both sides', async () => {
    await branch('text', (flow) => (flow.steps[2].steps[0].config.msgType = 'text'));
    await branch('news', (flow) => (flow.steps[2].steps[0].config.msgType = 'news'));
    await repo.git('checkout', '-q', '-b', 'merged', 'text');
    const merge = await repo.gitStatus('merge', '--no-edit', 'news');
    expect(merge.code).not.toBe(0);
    expect(merge.stdout + merge.stderr).toContain('conflict at step send /config/msgType: changed on both sides');
    expect(await repo.git('diff', '--name-only', '--diff-filter=U')).toBe(`${FLOW}\n`);
    const validate = await repo.flowbus('validate', 'flows');
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(
      `${FLOW}:/steps/2/steps/0/config/msgType: merge conflict: ours "text", theirs "news" (base "markdown"); ` +
        'edit the value and remove the "$conflict" marker (step "send")',
    );
  }, 120_000);
});
