/**
 * @module End to end, in headless Chromium: a flows folder that is a git repository; a step changed in the
 * editor shows in the flow list as changed, and the "Changes" view highlights it on the canvas with its old
 * and new value.
 */
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

const run = promisify(execFile);
let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession({
    async prepareFlows(flowsDir) {
      const git = (...args: string[]) => run('git', args, { cwd: flowsDir });
      await git('init', '-q', '-b', 'main');
      await git('config', 'user.name', 'Flow Author');
      await git('config', 'user.email', 'author@example.test');
      await copyFile(join(root, 'flows/alarm-to-wecom.flow.json'), join(flowsDir, 'alarm-to-wecom.flow.json'));
      await git('add', '-A');
      await git('commit', '-q', '-m', 'the story-1 flow');
    },
  });
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the visual editor on a flows folder in git', () => {
  it('highlights a changed step with its old and new value, and marks the flow in the list', async () => {
    const { page, server, button, field } = session;
    await page.goto(server.url);
    const row = page.getByRole('row').filter({ hasText: 'flows/alarm-to-wecom.flow.json' });
    await row.waitFor();
    expect(await row.getByText('Changed since the last commit').count()).toBe(0);

    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step body').click();
    await field('Name').fill('alarm');
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Changes' }).click();
    const changes = page.getByRole('region', { name: 'Changes since the last commit' });
    const item = changes.locator('li.change-item').filter({ hasText: '/config/name' });
    await item.waitFor();
    expect(await item.locator('.change-subject').textContent()).toBe('Step body');
    expect(await item.getByLabel('Old value').textContent()).toBe('"body"');
    expect(await item.getByLabel('New value').textContent()).toBe('"alarm"');
    await page.locator('.step-card[data-step-id="body"][data-change="changed"]').waitFor();
    expect(await page.locator('.step-card[data-change]').count()).toBe(1);
    expect(await page.locator('.step-card[data-step-id="body"] .change-badge').textContent()).toBe('changed');

    // A change not saved yet shows too: the view compares the draft with the last commit.
    await button('Step send').click();
    await field('Display name').fill('Send it');
    await page.getByRole('tab', { name: 'Changes' }).click();
    const renamed = changes.locator('li.change-item').filter({ hasText: 'Renamed' });
    await renamed.waitFor();
    expect(await renamed.getByLabel('New value').textContent()).toBe('"Send it"');
    await page.locator('.step-card[data-step-id="send"][data-change="changed"]').waitFor();
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();

    await page.goto(server.url);
    await row.getByText('Changed since the last commit').waitFor();
    expect(session.consoleErrors).toEqual([]);
  }, 90_000);
});
