/**
 * @module End to end, in headless Chromium (issue 10, findings 4 and 5): the editor saves, unpublishes and
 * publishes through its own requests, under 127.0.0.1 and under localhost; pages of other origins (another
 * loopback port, localhost for 127.0.0.1) that post to the API with a `no-cors` fetch or a form are refused
 * and the flow stays published; a rebinding name (evil.example resolved to 127.0.0.1) gets neither the
 * editor nor the API.
 */
import { access, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, startEditorSession, type EditorSession } from './browser-session.js';

const FLOW = 'alarm-to-wecom';
let session: EditorSession;
let pages: Server;
let pagesPort: number;
let apiPort: number;

/** An attacker's page: posts to `target` with a `no-cors` fetch, or with a `text/plain` form sent at load. */
function attackPage(kind: string, target: string): string {
  const head = '<!doctype html><html><head><link rel="icon" href="data:,"><title>page</title></head><body>';
  if (kind === 'form') {
    const form = `<form id="f" method="POST" action="${target}" enctype="text/plain">`;
    return `${head}${form}<input name='{"x":"' value='"}'></form><script>f.submit()</script></body></html>`;
  }
  const post = `fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: '' })`;
  const script = `window.sent = ${post}.then((r) => r.type, (e) => 'failed: ' + e.message);`;
  return `${head}<script>${script}</script></body></html>`;
}

/** Serves attack pages at `/<fetch|form>?target=<url>`, on a loopback port of its own. */
async function startPageServer(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://pages');
    const html = attackPage(url.pathname.slice(1), url.searchParams.get('target') ?? '');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const status = async () => (await session.server.api(`/flows/${FLOW}`)).json.status;
const refusals = (key: string) => session.server.logs.filter((line) => line.includes(`refused a request: ${key}`));

beforeAll(async () => {
  session = await startEditorSession({ browserArgs: ['--host-resolver-rules=MAP evil.example 127.0.0.1'] });
  const story = JSON.parse(await readFile(join(root, 'test/e2e/fixtures/story-1.flow.json'), 'utf8'));
  const created = await session.server.api('/flows', { method: 'POST', body: { id: FLOW, document: story } });
  expect(created.status).toBe(201);
  pages = await startPageServer();
  pagesPort = (pages.address() as { port: number }).port;
  apiPort = session.server.server.port;
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  pages?.closeAllConnections();
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
  await session?.close();
});

describe('the editor and pages of other origins', () => {
  it.each([
    ['127.0.0.1', () => `http://127.0.0.1:${apiPort}`],
    ['localhost', () => `http://localhost:${apiPort}`],
  ])('the editor on %s saves, unpublishes and publishes with its own requests', async (_name, base) => {
    const { page, field, button } = session;
    await page.goto(`${base()}/#/flows/${FLOW}`);
    await field('Flow name').fill(`Alarm to WeCom (${_name})`);
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    expect(JSON.parse(await session.fileText(FLOW)).name).toBe(`Alarm to WeCom (${_name})`);
    await button('Unpublish').click();
    await page.getByText('Unpublished: triggers and rules no longer start this flow.').waitFor();
    expect(await status()).toBe('unpublished');
    await button('Publish').click();
    await page.getByText('Published.', { exact: true }).waitFor();
    expect(await status()).toBe('published');
    expect(session.server.logs.filter((line) => line.includes('refused a request'))).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  }, 60_000);

  it.each([
    ['another loopback port', () => `http://127.0.0.1:${pagesPort}`],
    ['localhost, another origin than 127.0.0.1', () => `http://localhost:${pagesPort}`],
  ])('refuses a no-cors fetch from a page on %s; the flow stays published', async (_name, origin) => {
    const target = `http://127.0.0.1:${apiPort}/api/flows/${FLOW}/unpublish`;
    await session.page.goto(`${origin()}/fetch?target=${encodeURIComponent(target)}`);
    const sent = await session.page.evaluate(() => (window as unknown as { sent: Promise<string> }).sent);
    expect(sent).toBe('opaque');
    // The request reached the server and was refused there, not stopped by the browser.
    await expect.poll(() => refusals(`origin ${origin()}`).length).toBe(1);
    expect(await status()).toBe('published');
  }, 60_000);

  it('refuses a text/plain form post from a page on another origin; the flow stays published', async () => {
    const target = `http://127.0.0.1:${apiPort}/api/flows/${FLOW}/unpublish`;
    await session.page.goto(`http://localhost:${pagesPort}/form?target=${encodeURIComponent(target)}`);
    await expect.poll(() => session.page.textContent('body'), { timeout: 15_000 }).toContain('API:FOREIGN_ORIGIN');
    expect(await session.page.textContent('body')).toContain(`from the web page at http://localhost:${pagesPort}`);
    expect(await status()).toBe('published');
  }, 60_000);

  it('refuses a script of the editor under localhost posting to 127.0.0.1, a different origin', async () => {
    await session.page.goto(`http://localhost:${apiPort}/#/flows`);
    const target = `http://127.0.0.1:${apiPort}/api/flows/${FLOW}/unpublish`;
    const type = await session.page.evaluate(
      (url) => fetch(url, { method: 'POST', mode: 'no-cors' }).then((response) => response.type),
      target,
    );
    expect(type).toBe('opaque');
    await expect.poll(() => refusals(`origin http://localhost:${apiPort}`).length).toBe(1);
    expect(await status()).toBe('published');
  }, 60_000);

  it('gives a rebinding name neither the editor nor the API', async () => {
    const base = `http://evil.example:${apiPort}`;
    const answer = await session.page.goto(`${base}/`);
    expect(answer?.status()).toBe(421);
    expect(await session.page.textContent('body')).toContain('the host \\"evil.example\\" is not served');
    const calls = await session.page.evaluate(async () => {
      const read = await fetch('/api/connections');
      const rule = { format: 'flowbus/rule@1', name: 'x', pattern: { type: ['x'] }, targets: [] };
      const headers = { 'content-type': 'application/json' };
      const write = await fetch('/api/rules/x', { method: 'PUT', headers, body: JSON.stringify(rule) });
      const unpublish = await fetch('/api/flows/alarm-to-wecom/unpublish', { method: 'POST' });
      return [read.status, write.status, unpublish.status];
    });
    expect(calls).toEqual([421, 421, 421]);
    expect(await access(join(session.server.flowsDir, 'x.rule.json')).then(() => true, () => false)).toBe(false);
    expect(await status()).toBe('published');
  }, 60_000);
});
