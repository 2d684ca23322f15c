/**
 * @module The editor's static handler: files of the build by path, index.html at `/`, nothing outside the
 * build folder, and everything else left to the server's own 404.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditorHandler, resolveAsset } from './static-handler.js';

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowbus-editor-static-'));
  await mkdir(join(root, 'dist', 'assets'), { recursive: true });
  await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>editor</title>');
  await writeFile(join(root, 'dist', 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'not for the web');
  const handler = createEditorHandler(join(root, 'dist'));
  server = createServer((request, response) =>
    handler(request, response, () => response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"next"}')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('createEditorHandler', () => {
  it('serves index.html at / without caching, and hashed assets cached for good', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>editor</title>');
    const script = await fetch(`${url}/assets/index-abc.js?v=1`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const head = await fetch(`${url}/index.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['a missing file', 'GET', '/nothing.js'],
    ['a folder', 'GET', '/assets'],
    ['a method other than GET and HEAD', 'POST', '/index.html'],
    ['an escape with encoded dots', 'GET', '/%2e%2e/secret.txt'],
    ['bad percent-encoding', 'GET', '/%E0%A4%A'],
  ])('leaves %s to the next handler', async (_name, method, path) => {
    const answer = await fetch(`${url}${path}`, { method });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: 'next' });
  });
});

describe('resolveAsset', () => {
  it.each([
    ['/', 'index.html'],
    ['/assets/a.js', 'assets/a.js'],
    ['/assets/../index.html', 'index.html'],
    // A path that climbs above the root is clamped to it (and then usually names no file).
    ['/../secret', 'secret'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
  ])('maps %s inside the folder', (path, file) => {
    expect(resolveAsset('/srv/dist', path)).toBe(join('/srv/dist', file));
  });

  it.each(['/a\0b', '/%00', '/%zz', '/%E0%A4%A'])('refuses %s', (path) => {
    expect(resolveAsset('/srv/dist', path)).toBeUndefined();
  });
});
