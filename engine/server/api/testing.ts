/**
 * @module Test support: a bus served alone with its API routes on a tiny express app on 127.0.0.1 and a free
 * port, in a fresh data folder, and a clock whose waits are cut short.
 */
import express from 'express';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowbusError } from '../../core/errors.js';
import type { Clock } from '../../core/step-definition.js';
import { sleep } from '../../runtime/clock.js';
import { createEventBus, type EventBus } from '../../bus/event-bus.js';
import type { EventBusOptions } from '../../bus/options.js';
import type { TargetTypeDefinition } from '../../bus/types.js';
import { installBusRoutes } from './bus-routes.js';

/** A `switch` target type that fails with `SWITCH:DOWN` while `failing` is set, else notes the event ids. */
export interface SwitchTarget {
  definition: TargetTypeDefinition;
  failing: boolean;
  delivered: string[];
}

export function createSwitchTarget(): SwitchTarget {
  const target: SwitchTarget = {
    failing: true,
    delivered: [],
    definition: {
      type: 'switch',
      title: 'Switch',
      description: 'Fails while the test says so.',
      config: { type: 'object' },
      async deliver(batch) {
        if (target.failing) throw new FlowbusError('SWITCH:DOWN', 'the switch is off');
        target.delivered.push(...batch.map((item) => item.event.id));
      },
    },
  };
  return target;
}

/** Real time, but each wait lasts `divisor` times less (at most `maxMs`): retries and batches run fast. */
export function fastClock(divisor = 100, maxMs = 20): Clock {
  return { now: () => Date.now(), sleep: (ms, signal) => sleep(Math.min(ms / divisor, maxMs), signal) };
}

export interface BusApp {
  bus: EventBus;
  /** `http://127.0.0.1:<port>` */
  url: string;
  dataDir: string;
  flowsDir: string;
  /** POSTs JSON (or text with the given content type) and answers the status and parsed body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  get(path: string): Promise<{ status: number; body: any }>;
  /** Closes the server and the bus; removes the folders unless `keep`. */
  close(keep?: boolean): Promise<void>;
}

/**
 * Starts a bus on a fresh folder with the given files in its flows folder.
 *
 * @example
 * const app = await startBusApp({ 'cvm.rule.json': rule }, { runFlow });
 * await app.post('/events', event, { 'content-type': 'application/cloudevents+json' });
 */
export async function startBusApp(
  files: Record<string, unknown> = {},
  options: Partial<EventBusOptions> = {},
  folder?: string,
): Promise<BusApp> {
  const root = folder ?? (await mkdtemp(join(tmpdir(), 'flowbus-bus-')));
  const flowsDir = join(root, 'flows');
  const dataDir = join(root, 'data');
  await mkdir(flowsDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(flowsDir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const bus = await createEventBus({ dataDir, flowsDir, clock: fastClock(), sync: false, ...options });
  const app = express();
  installBusRoutes(app, bus);
  bus.start();
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const answer = async (response: Response) => {
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    bus,
    url,
    dataDir,
    flowsDir,
    post: async (path, body, headers = { 'content-type': 'application/json' }) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return answer(await fetch(`${url}${path}`, { method: 'POST', headers, body: text }));
    },
    get: async (path) => answer(await fetch(`${url}${path}`)),
    close: async (keep = false) => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await bus.close();
      if (!keep && !folder) await rm(root, { recursive: true, force: true });
    },
  };
}
