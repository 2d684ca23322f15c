/**
 * @module A loopback HTTP server for vendor fakes: reads the whole body, hands it to a handler, answers JSON
 * (or plain text, for vendors that answer that way).
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The largest body a fake reads; beyond it the fake answers 413 like a front proxy would. */
export const FAKE_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** One request, as a fake's handler sees it. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** Bytes of the body as received. */
  bodyBytes: number;
  /** The client's IP, without the `::ffff:` prefix of IPv4-mapped addresses. */
  remoteAddress: string;
}

/** What the handler answers: a status (200 by default), a JSON body or a plain-text one, extra headers. */
export type FakeAnswer = { status?: number; headers?: Record<string, string> } & (
  | { json: unknown }
  | { text: string }
);

/** A running server. */
export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 and a free port. */
export function startFakeHttpServer(handle: (request: FakeRequest) => FakeAnswer): Promise<FakeHttpServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= FAKE_MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
      const answer: FakeAnswer =
        size > FAKE_MAX_BODY_BYTES
          ? { status: 413, json: { error: 'request entity too large' } }
          : handle({
              method: request.method ?? 'GET',
              url: new URL(request.url ?? '/', origin),
              headers: request.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              bodyBytes: size,
              remoteAddress: (request.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
            });
      const plain = 'text' in answer;
      const contentType = plain ? 'text/plain; charset=utf-8' : 'application/json';
      response.writeHead(answer.status ?? 200, { 'content-type': contentType, ...answer.headers });
      response.end(plain ? answer.text : JSON.stringify(answer.json));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Parses JSON, or undefined when the text is not JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a value is a JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is a non-empty string. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The strings under the given keys anywhere in `value` (keyword checks read only these). */
export function collectTexts(value: unknown, keys: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => collectTexts(item, keys));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    typeof item === 'string' ? (keys.includes(key) ? [item] : []) : collectTexts(item, keys),
  );
}
