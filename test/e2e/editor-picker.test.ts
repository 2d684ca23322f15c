/**
 * @module End to end, in headless Chromium against a real server: the step picker finds types by synonyms
 * and description, shows summaries without markdown marks, and draws icons instead of letter badges.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  const story = JSON.parse(await readFile(join(root, 'test/e2e/fixtures/story-1.flow.json'), 'utf8'));
  const created = await session.server.api('/flows', { method: 'POST', body: { id: 'alarm-to-wecom', document: story } });
  expect(created.status).toBe(201);
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the visual editor: finding steps', () => {
  it('finds WeCom Robot by "wechat", Set Payload by "respond", Transform by "code", and adds one', async () => {
    const { page, server, button } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step body').waitFor();
    await button('Add a step after send').click();
    const picker = page.getByRole('dialog', { name: 'Add a step' });
    const search = picker.getByLabel('Search step types');
    const first = () => picker.locator('.picker-item').first().getAttribute('aria-label');
    for (const [query, title] of [['wechat', 'WeCom Robot'], ['respond', 'Set Payload'], ['code', 'Transform']] as const) {
      await search.fill(query);
      await expect.poll(first).toBe(title);
    }
    const summaries = await picker.locator('.picker-text > span').allTextContents();
    expect(summaries.join(' ')).not.toContain('`');
    expect(await picker.locator('.picker-item .step-icon svg').count()).toBeGreaterThan(0);
    expect((await picker.locator('.picker-item .step-icon').first().textContent())?.trim()).toBe('');
    await search.fill('wechat');
    await search.press('Enter');
    await expect.poll(() => picker.count()).toBe(0);
    await page.locator('.react-flow [data-step-id="wecom-robot"] .step-icon[data-icon="chat"]').waitFor();
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
