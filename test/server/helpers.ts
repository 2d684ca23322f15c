/**
 * @module Test helpers: a real server on 127.0.0.1 port 0 with temporary flows and data folders.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../engine/core/registry.js';
import { FLOW_FORMAT, type FlowDocument, type StepNode } from '../../engine/flow/document.js';
import { startServer, type RunningServer, type ServerOptions } from '../../engine/server/index.js';
import { builtinSteps } from '../../engine/steps/index.js';
import { waitFor } from '../support/wait-for.js';

export const registry = createRegistry(builtinSteps);

/** A flow with an HTTP trigger at `path` and the given steps. */
export function httpFlow(
  path: string,
  steps: StepNode[] = [],
  config: Record<string, unknown> = {},
): FlowDocument {
  return {
    format: FLOW_FORMAT,
    name: `flow at ${path}`,
    trigger: { id: 'request', type: 'http', config: { path, ...config } },
    steps,
  };
}

export const expr = (source: string) => ({ $expr: source });

/** A step node. */
export const step = (id: string, type: string, config: Record<string, unknown>): StepNode => ({
  id,
  type,
  config,
});

/** A Set Payload step. */
export const setPayload = (id: string, value: unknown): StepNode => step(id, 'set-payload', { value });

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  root: string;
  flowsDir: string;
  dataDir: string;
  /** Every log line the server wrote. */
  logs: string[];
  /** Sends a request and reads the whole answer. */
  request(path: string, init?: RequestInit): Promise<Answer>;
  /** Writes a flow file (the server picks it up by watching). */
  writeFlow(id: string, document: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  flows?: Record<string, unknown>;
  server?: Partial<ServerOptions>;
  /** Reuse folders, e.g. to restart on the same data. */
  root?: string;
  /** Files to write under the data folder before starting. */
  dataFiles?: Record<string, string>;
}

/** One key per test run, so secrets survive restarts on the same data folder. */
export const SECRET_KEY = randomBytes(32).toString('base64');

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'flowbus-server-test-')));
  const flowsDir = join(root, 'flows');
  const dataDir = join(root, 'data');
  await mkdir(flowsDir, { recursive: true });
  await mkdir(dataDir, { recursive: true });
  const writeFlow = (id: string, document: unknown) => {
    const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2);
    return writeFile(join(flowsDir, `${id}.flow.json`), text);
  };
  for (const [id, document] of Object.entries(options.flows ?? {})) await writeFlow(id, document);
  for (const [name, content] of Object.entries(options.dataFiles ?? {})) {
    await writeFile(join(dataDir, name), content);
  }
  const logs: string[] = [];
  const server = await startServer({
    registry,
    port: 0,
    host: '127.0.0.1',
    flowsDir,
    dataDir,
    env: { FLOWBUS_SECRET_KEY: SECRET_KEY },
    logLevel: 'debug',
    logWrite: (line) => logs.push(line),
    handleSignals: false,
    ...options.server,
  });
  return {
    server,
    url: server.url,
    root,
    flowsDir,
    dataDir,
    logs,
    request: async (path, init) => readAnswer(await fetch(`${server.url}${path}`, init)),
    writeFlow,
    async close() {
      await server.close();
      if (!options.root) await rm(root, { recursive: true, force: true });
    },
  };
}

/** Raw body request options. */
export function raw(method: string, contentType: string | undefined, body?: BodyInit): RequestInit {
  return { method, headers: contentType ? { 'content-type': contentType } : {}, body };
}

/** JSON request options. */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Polls until `check` returns something truthy, or fails after `timeoutMs` (the shared `waitFor`, unnamed). */
export function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  return waitFor(check, 'the condition', timeoutMs);
}

/** A loopback server that answers after `?ms=` milliseconds with `{ "slow": true }`. */
export async function startSlowServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const ms = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"slow":true}');
    }, ms);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
