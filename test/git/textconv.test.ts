/**
 * `git diff` and `git log -p` through the textconv that `flowbus git setup` installs: step ids and pointers,
 * not JSON braces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, storyFlow, type TestRepo } from './repo.js';

const FLOW = 'flows/alarm-to-wecom.flow.json';
let repo: TestRepo;

beforeAll(async () => {
  repo = await createTestRepo();
  const setup = await repo.flowbus('git', 'setup');
  expect(setup.stdout).toContain('.gitattributes: added *.flow.json diff=flowbus merge=flowbus');
  expect(await repo.git('config', 'merge.flowbus.driver')).toMatch(/bin\/flowbus\.js merge-driver %O %A %B %P\n$/);
  await repo.writeDocument(FLOW, await storyFlow('alarm-to-wecom'));
  await repo.commitAll('the story-1 flow');
  const flow = await repo.readJson(FLOW);
  flow.steps[2].steps[0].config.msgType = 'text';
  flow.steps[2].steps[0].config.content = { $expr: "'plain: ' & vars.markdown" };
  await repo.writeDocument(FLOW, flow);
}, 60_000);
afterAll(() => repo.close());

describe('the textconv', () => {
  it('makes git diff show step ids and pointers, not JSON braces', async () => {
    const diff = await repo.git('diff', '--', FLOW);
    const changed = diff.split('\n').filter((line) => /^[-+][^-+]/.test(line));
    expect(changed).toEqual([
      '-    send /config/content = expr(vars.markdown)',
      '-    send /config/msgType = "markdown"',
      `+    send /config/content = expr('plain: ' & vars.markdown)`,
      '+    send /config/msgType = "text"',
    ]);
    expect(diff).toMatch(/^@@ .* @@ step send-guard \(try\)$/m);
    expect(diff).not.toMatch(/^[-+ ]\s*[{}\]]/m);
  }, 60_000);

  it('makes git log -p show the semantic form of each commit', async () => {
    await repo.commitAll('send plain text');
    const log = await repo.git('log', '-p', '-1', '--format=%s');
    expect(log).toContain('send plain text');
    expect(log).toContain('+    send /config/msgType = "text"');
    expect(log).not.toContain('"msgType": "text"');
  }, 60_000);

  it('leaves a setup that was done already as it is', async () => {
    const again = await repo.flowbus('git', 'setup');
    expect(again.stdout).toContain('.gitattributes: already set up');
    expect((await repo.git('show', 'HEAD:.gitattributes')).split('\n').filter(Boolean)).toHaveLength(3);
  }, 60_000);
});
