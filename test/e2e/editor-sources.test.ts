/**
 * @module End to end, in headless Chromium against a real server: a URL callback source created by clicking
 * on the Sources page, saved as its canonical file, seen running, fed by a POST to /callbacks/<id> whose
 * event lands in the log store of its bus, then deleted from the list.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatSource } from '../../engine/bus/sources/index.js';
import { startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession({
    prepareFlows: async (flowsDir) => {
      const hub = { format: 'flowbus/bus@1', name: 'Hub', storeEvents: true };
      await writeFile(join(flowsDir, 'hub.bus.json'), `${JSON.stringify(hub, null, 2)}\n`);
    },
  });
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the editor: sources', () => {
  it('creates a URL callback source by clicking, sees it running, and its callback lands on the bus', async () => {
    const { page, server, button, consoleErrors } = session;
    await page.goto(`${server.url}/#/sources`);
    await page.getByText('No sources yet').waitFor();
    await button('New source').first().click();
    const dialog = page.getByRole('dialog', { name: 'New source' });
    await dialog.getByLabel('Source name').fill('Shop hook');
    await expect.poll(() => dialog.getByLabel('Source id').inputValue()).toBe('shop-hook');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await page.getByLabel('Source type', { exact: true }).selectOption({ label: 'URL callback' });
    await page.getByLabel('Event bus', { exact: true }).selectOption({ label: 'Hub' });
    await page.getByLabel('Event source', { exact: true }).fill('shop.saas');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('No problems');
    await button('Save source').click();
    await page.getByText('Saved the source file.').waitFor();

    const expected = {
      format: 'flowbus/source@1',
      name: 'Shop hook',
      type: 'url-callback',
      bus: 'hub',
      enabled: true,
      config: { source: 'shop.saas' },
    };
    expect(await readFile(join(server.flowsDir, 'shop-hook.source.json'), 'utf8')).toBe(formatSource(expected));

    await page.getByRole('link', { name: '← Sources' }).click();
    const row = page.locator('tr[data-source="shop-hook"]');
    await expect.poll(async () => {
      if (!(await row.getByText('Running').isVisible())) await button('Refresh').click();
      return row.getByText('Running').isVisible();
    }).toBe(true);

    const posted = await fetch(`${server.url}/callbacks/shop-hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'e2e-order-1' },
      body: '{"order":"o-1"}',
    });
    expect(posted.status).toBe(202);
    await expect.poll(async () => {
      const { json } = await server.api('/log-store/search?bus=hub&limit=10');
      return json.items?.find((item: any) => item.event.id === 'e2e-order-1')?.event;
    }, { timeout: 10_000 }).toMatchObject({ source: 'shop.saas', data: { body: { order: 'o-1' } } });

    await button('Delete source shop-hook').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete source' }).click();
    await page.getByText('No sources yet').waitFor();
    expect((await fetch(`${server.url}/callbacks/shop-hook`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(consoleErrors).toEqual([]);
  });
});
