/**
 * @module A real flowbus server for browser tests: the app's registry, connectors and target types,
 * temporary flows and data folders, the built editor served at `/`, on 127.0.0.1 and a free port.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes, connectorTargetTypes } from '../../connectors/index.js';
import { createEditorHandler } from '../../editor/static-handler.js';
import { startServer, type RunningServer } from '../../engine/server/index.js';

export interface EditorServer {
  server: RunningServer;
  url: string;
  flowsDir: string;
  dataDir: string;
  logs: string[];
  /** Calls the management API. */
  api(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** How the flows folder is made ready before the server starts (e.g. made a git repository). */
export interface EditorServerOptions {
  prepareFlows?: (flowsDir: string) => Promise<void>;
}

export async function startEditorServer(distDir: string, options: EditorServerOptions = {}): Promise<EditorServer> {
  const root = await mkdtemp(join(tmpdir(), 'flowbus-editor-e2e-'));
  const flowsDir = join(root, 'flows');
  const dataDir = join(root, 'data');
  await mkdir(flowsDir, { recursive: true });
  await options.prepareFlows?.(flowsDir);
  const logs: string[] = [];
  const server = await startServer({
    registry: createAppRegistry(),
    connectionTypes: connectorConnectionTypes,
    targetTypes: connectorTargetTypes,
    port: 0,
    host: '127.0.0.1',
    flowsDir,
    dataDir,
    env: { FLOWBUS_SECRET_KEY: randomBytes(32).toString('base64') },
    logLevel: 'debug',
    logWrite: (line) => logs.push(line),
    handleSignals: false,
    fallback: createEditorHandler(distDir),
  });
  return {
    server,
    url: server.url,
    flowsDir,
    dataDir,
    logs,
    async api(path, init = {}) {
      const response = await fetch(`${server.url}/api${path}`, {
        method: init.method ?? 'GET',
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
