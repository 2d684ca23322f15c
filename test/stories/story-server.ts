/**
 * @module The story tests' harness: example files from flows/ copied (and patched) into a fresh folder, the
 * real server on 127.0.0.1 and a free port with the app's steps, the given bus target types and
 * connections, and small helpers to call its API and wait.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes } from '../../connectors/index.js';
import type { TargetTypeDefinition } from '../../engine/bus/index.js';
import type { SourceTypeDefinition } from '../../engine/bus/sources/index.js';
import { startServer, type RunningServer } from '../../engine/server/index.js';

const EXAMPLES = new URL('../../flows/', import.meta.url);

/** A file of flows/ (an example flow, rule, bus or event), parsed. */
export async function readExample(name: string): Promise<any> {
  return JSON.parse(await readFile(new URL(name, EXAMPLES), 'utf8'));
}

export interface Connection {
  name: string;
  type: string;
  values: Record<string, unknown>;
}

export interface StoryServerOptions {
  /** File name in the flows folder -> document. */
  files: Record<string, unknown>;
  targetTypes: TargetTypeDefinition[];
  /** Source types for `*.source.json` files (RabbitMQ, NATS). */
  sourceTypes?: SourceTypeDefinition[];
  /** Created through the API once the server runs. */
  connections?: Connection[];
  /** Start on the folder of an earlier server (its flows, store and bus journal). */
  root?: string;
}

export interface StoryServer {
  server: RunningServer;
  root: string;
  /** Every log line the server wrote. */
  logs: string[];
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Stops the server; the folder stays for a restart until `remove`. */
  close(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Starts the server on the example files given.
 *
 * @example
 * const story = await startStoryServer({ files: { 'x.rule.json': rule }, targetTypes: [messagePush] });
 */
export async function startStoryServer(options: StoryServerOptions): Promise<StoryServer> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'flowbus-story-')));
  const flowsDir = join(root, 'flows');
  await mkdir(flowsDir, { recursive: true });
  for (const [name, document] of Object.entries(options.files)) {
    await writeFile(join(flowsDir, name), `${JSON.stringify(document, null, 2)}\n`);
  }
  const logs: string[] = [];
  const server = await startServer({
    registry: createAppRegistry(),
    connectionTypes: connectorConnectionTypes,
    targetTypes: options.targetTypes,
    sourceTypes: options.sourceTypes,
    port: 0,
    flowsDir,
    dataDir: join(root, 'data'),
    handleSignals: false,
    env: { FLOWBUS_SECRET_KEY: 'b'.repeat(64) },
    logWrite: (line) => logs.push(line),
  });
  const api: StoryServer['api'] = async (method, path, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  for (const connection of options.connections ?? []) {
    expect((await api('POST', '/api/connections', connection)).status).toBe(201);
  }
  const { body } = await api('GET', '/api/rules');
  expect(body.rules.filter((rule: { valid: boolean }) => !rule.valid)).toEqual([]);
  return {
    server,
    root,
    logs,
    api,
    close: () => server.close(),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The `ops-mail` connection of the examples, to an SMTP server on loopback. */
export function mailConnection(port: number): Connection {
  return { name: 'ops-mail', type: 'email', values: { host: '127.0.0.1', port, from: 'alarms@example.com' } };
}

export { waitFor } from '../support/wait-for.js';

/** The rule's message-push target config with every webhook URL pointed at `origin` + its path. */
export function pointWebhooksAt(rule: any, origin: string): any {
  for (const target of rule.targets) {
    for (const receiver of target.config?.receivers ?? []) {
      if (receiver.webhook) receiver.webhook.url = `${origin}${new URL(receiver.webhook.url).pathname}`;
    }
  }
  return rule;
}
