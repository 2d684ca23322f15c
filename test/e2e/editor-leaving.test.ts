/**
 * @module End to end, in headless Chromium against a real server: unsaved work is never lost silently — while
 * the draft cannot be saved on the server, browser Back, an in-app link and a typed URL warn; once it is saved
 * they do not (the draft is kept); deleting a scope with steps asks first, and undo stays.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dialog } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;
const WARNING = 'Leave this flow? Your unsaved changes will be lost.';

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

/**
 * Goes one entry back in the history, as the browser's Back button does. Not `page.goBack()`: it waits for a
 * navigation that a refused Back never completes.
 */
function browserBack(): Promise<void> {
  return session.page.evaluate(() => window.history.back());
}

/** Answers the next dialog of the page and resolves with its message. */
function answerNextDialog(accept: boolean): Promise<string> {
  return new Promise((resolve) => {
    session.page.once('dialog', (dialog: Dialog) => {
      const message = dialog.message();
      void (accept ? dialog.accept() : dialog.dismiss()).then(() => resolve(message));
    });
  });
}

describe('the visual editor: never lose work', () => {
  it('warns on browser Back while the draft cannot be saved, stays on refusal, and leaves on consent', async () => {
    const { page, server, field } = session;
    // The server refuses the draft (as when it is unreachable): the edit exists only in this page.
    const draftRoute = `${server.url}/api/flows/alarm-to-wecom/draft`;
    await page.route(draftRoute, (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Cloud alarm to the WeCom group' }).click();
    await field('Flow name').fill('Edited, not saved');
    await page.locator('.toolbar .dirty-note').waitFor();
    await page.getByText(/^Draft not saved: /).waitFor();

    const refused = answerNextDialog(false);
    await browserBack();
    expect(await refused).toBe(WARNING);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/flows/alarm-to-wecom');
    expect(await page.locator('.toolbar h1').textContent()).toBe('Edited, not saved');
    expect(await page.locator('.toolbar .dirty-note').count()).toBe(1);

    const refusedLink = answerNextDialog(false);
    await page.getByRole('link', { name: 'Back to flows' }).click();
    expect(await refusedLink).toBe(WARNING);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/flows/alarm-to-wecom');
    expect(await page.locator('.toolbar .dirty-note').count()).toBe(1);

    const accepted = answerNextDialog(true);
    await browserBack();
    expect(await accepted).toBe(WARNING);
    await page.getByRole('link', { name: 'Cloud alarm to the WeCom group' }).waitFor();
    expect(new URL(page.url()).hash).not.toBe('#/flows/alarm-to-wecom');
    await page.unroute(draftRoute);
    expect((await server.api('/flows/alarm-to-wecom/draft')).status).toBe(404);
  }, 60_000);

  it('leaves without asking once the draft is saved, and the draft is there on return', async () => {
    const { page, server, field } = session;
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await field('Flow name').fill('Kept as a draft');
    await page.getByText('Draft saved', { exact: true }).waitFor();
    await browserBack();
    const row = page.getByRole('row').filter({ hasText: 'flows/alarm-to-wecom.flow.json' });
    await row.getByText('Unpublished draft').waitFor();
    await row.getByRole('link', { name: 'Cloud alarm to the WeCom group' }).click();
    await expect.poll(() => page.locator('.toolbar h1').textContent()).toBe('Kept as a draft');
    expect(await page.locator('.toolbar .dirty-note').textContent()).toBe('Draft — unpublished changes');
    page.off('dialog', onDialog);
    expect(dialogs).toEqual([]);
    await page.getByRole('button', { name: 'Discard draft', exact: true }).click();
    await page.getByRole('dialog', { name: 'Discard the draft?' }).getByRole('button', { name: 'Discard draft' }).click();
    await page.locator('.toolbar .published-note').waitFor();
    expect((await server.api('/flows/alarm-to-wecom/draft')).status).toBe(404);
  }, 60_000);

  it('asks before deleting a scope with steps in it, and undo brings it back', async () => {
    const { page, server, button } = session;
    await page.goto(`${server.url}/#/flows/alarm-to-wecom`);
    await button('Step send-guard').click();
    const refused = answerNextDialog(false);
    await page.keyboard.press('Delete');
    expect(await refused).toBe('Delete it with the 2 steps inside? Undo (Ctrl+Z) brings them back.');
    expect(await button('Step send-guard').count()).toBe(1);

    const accepted = answerNextDialog(true);
    await page.keyboard.press('Delete');
    await accepted;
    await expect.poll(() => button('Step send-guard').count()).toBe(0);
    expect(await button('Step log-error').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await button('Step log-error').waitFor();
    await expect.poll(() => page.locator('.toolbar .dirty-note').count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);
});
