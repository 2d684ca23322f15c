/**
 * @module Free loopback ports and waiting for a port to accept connections, for the broker processes.
 */
import { createConnection, createServer } from 'node:net';
import { waitFor } from '../support/wait-for.js';

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once `ready()` is true; throws `what` with `detail()` after `timeoutMs`. */
export async function waitUntil(
  ready: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
  detail: () => string = () => '',
): Promise<void> {
  await waitFor(ready, what, { timeoutMs, intervalMs: 100 }).catch(() => {
    throw new Error(`${what} within ${timeoutMs} ms ${detail()}`.trim());
  });
}

/** Resolves once 127.0.0.1:port accepts TCP connections. */
export function waitForPort(port: number, what: string, timeoutMs: number, detail?: () => string) {
  return waitUntil(() => accepts(port), what, timeoutMs, detail);
}
