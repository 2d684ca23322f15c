/**
 * @module Regression tests of issue 10, finding 7: every place that answers an unknown error with 500
 * `FLOWBUS:UNEXPECTED` (the bus routes served alone, the API, the trigger dispatcher) logs it once at error
 * level with its stack and the request's method and path.
 */
import { createServer, type RequestListener } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusLog } from '../../engine/bus/index.js';
import { busErrorLog } from '../../engine/server/api/bus-routes.js';
import { apiErrorHandler } from '../../engine/server/api/errors.js';
import { createDispatcher, type DispatcherOptions } from '../../engine/server/triggers/dispatcher.js';
import { createLogger } from '../../engine/logging/logger.js';

type Line = { level: string; msg: string; method?: string; path?: string; error?: string; stack?: string };

const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

function capture(): { lines: Line[]; write: (line: string) => void } {
  const lines: Line[] = [];
  return { lines, write: (line) => lines.push(JSON.parse(line) as Line) };
}

function boom(): never {
  throw new TypeError('boom: cannot read properties of undefined');
}

async function expectLoggedOnce(url: string, lines: Line[], method: string, path: string): Promise<void> {
  const answer = await fetch(`${url}${path}?q=1`, { method });
  expect(answer.status).toBe(500);
  expect(await answer.json()).toEqual({ error: { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' } });
  const errors = lines.filter((line) => line.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ method, path, error: 'boom: cannot read properties of undefined' });
  expect(errors[0]!.stack).toContain('TypeError: boom');
  expect(errors[0]!.stack).toMatch(/at .*boom/);
}

describe('unexpected errors are logged with their stack and request', () => {
  it('on the bus routes (they logged nothing before)', async () => {
    const { lines, write } = capture();
    const logger = createLogger({ write });
    const app = express();
    const log: BusLog = (level, message, fields) => logger[level](message, fields);
    app.post('/events', async () => boom());
    app.use(apiErrorHandler(busErrorLog({ log })));
    await expectLoggedOnce(await serve(app), lines, 'POST', '/events');
  });

  it('on the management API', async () => {
    const { lines, write } = capture();
    const app = express();
    app.put('/api/flows/:id', boom);
    app.use(apiErrorHandler(createLogger({ write })));
    await expectLoggedOnce(await serve(app), lines, 'PUT', '/api/flows/x');
  });

  it('in the HTTP trigger dispatcher', async () => {
    const { lines, write } = capture();
    const options = { table: boom, logger: createLogger({ write }), metrics: { httpRequest: () => {} } };
    const dispatch = createDispatcher(options as unknown as DispatcherOptions);
    const url = await serve((request, response) => void dispatch(request, response));
    await expectLoggedOnce(url, lines, 'POST', '/hook');
  });
});
