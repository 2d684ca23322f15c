/**
 * @module The node:http server: `/api` and `/events` go to express, every other path to the trigger dispatcher.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Whether a request URL is under `prefix` (the prefix itself, a sub-path or a query). */
function isUnder(url: string, prefix: string): boolean {
  const next = url[prefix.length];
  return url.startsWith(prefix) && (next === undefined || next === '/' || next === '?');
}

/** Whether a request goes to express: the management API (`/api`), bus ingest (`/events`, `/callbacks`). */
export function isApiPath(url: string): boolean {
  return isUnder(url, '/api') || isUnder(url, '/events') || isUnder(url, '/callbacks');
}

/**
 * Creates the server; trigger requests never pass through express. Once `stopping()` is true every answer
 * closes its connection, so keep-alive clients move on while the server drains.
 */
export function createHttpServer(api: Handler, dispatch: Handler, stopping: () => boolean): Server {
  return createServer((request, response) => {
    if (stopping()) response.setHeader('Connection', 'close');
    if (isApiPath(request.url ?? '/')) api(request, response);
    else dispatch(request, response);
  });
}

/** Listens and resolves with the bound port. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting and closes idle connections; resolves when every connection is gone or after `boundMs`. */
export function stopAccepting(server: Server, boundMs: number): { closed: Promise<void>; force(): void } {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), boundMs);
  timer.unref();
  return {
    closed: closed.then(() => clearTimeout(timer)),
    force: () => server.closeAllConnections(),
  };
}
