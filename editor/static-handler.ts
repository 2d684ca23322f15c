/**
 * @module Serves the built editor from `editor/dist` as the server's fallback for paths no trigger answers.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { FallbackHandler } from '../engine/server/index.js';
import { editorDistDir } from './paths.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The file under `root` that a URL path names, or undefined when the path leaves `root`. */
export function resolveAsset(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const file = join(root, relative);
  const base = root.endsWith(sep) ? root : root + sep;
  return file.startsWith(base) ? file : undefined;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

function send(request: IncomingMessage, response: ServerResponse, file: string, cache: string): void {
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

/**
 * A fallback handler serving the editor: files of `distDir` by path (hashed assets cached for a year),
 * `index.html` for `/`. Other methods than GET and HEAD, and missing files, go to `next`.
 *
 * @example
 * const server = await startServer({ registry, fallback: createEditorHandler() });
 */
export function createEditorHandler(distDir: string = editorDistDir): FallbackHandler {
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const file = resolveAsset(distDir, path);
    if (!file) return next();
    void isFile(file).then((found) => {
      if (!found) return next();
      const immutable = path.startsWith('/assets/');
      send(request, response, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
  };
}
