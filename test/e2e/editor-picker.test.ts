/**
 * @module End to end, in headless Chromium against a real server: the step picker finds types by synonyms
 * and description, shows summaries without markdown marks, and draws icons instead of letter badges; a
 * connector the editor was not changed for (Slack) is found and edited like the others.
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

  it('finds the Slack robot by "slack" and shows its form with the webhook connection, with no editor change', async () => {
    const { page, server, button, panel, field } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step body').waitFor();
    await button('Add a step after body').click();
    const picker = page.getByRole('dialog', { name: 'Add a step' });
    await picker.getByLabel('Search step types').fill('slack');
    const first = () => picker.locator('.picker-item').first().getAttribute('aria-label');
    await expect.poll(first).toBe('Slack Robot');
    await picker.getByRole('button', { name: 'Slack Robot', exact: true }).click();
    await expect.poll(() => picker.count()).toBe(0);
    await page.locator('.react-flow [data-step-id="slack-robot"] .step-icon[data-icon="chat"]').waitFor();

    await expect.poll(() => field('Connection').count()).toBe(1);
    const kinds = await field('Message type').locator('option').allTextContents();
    expect(kinds).toEqual(expect.arrayContaining(['text', 'blocks']));
    for (const label of ['Text', 'Format text', 'Blocks']) {
      expect(await panel().getByText(label, { exact: true }).count(), label).toBeGreaterThan(0);
    }
    await panel().getByRole('button', { name: 'New connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Slack incoming webhook connection' });
    const webhook = dialog.getByLabel('Webhook URL');
    expect(await webhook.getAttribute('type')).toBe('password');
    await dialog.getByLabel('Connection name').fill('ops-slack');
    await webhook.fill('http://127.0.0.1:9/services/T0E2E/B0E2E/e2e-token-0123456789abcdef');
    await dialog.getByRole('button', { name: 'Create connection' }).click();
    await expect.poll(() => field('Connection').inputValue()).toBe('ops-slack');
    const created = await server.api('/connections');
    expect(JSON.stringify(created.json)).toContain('slack-robot');
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
