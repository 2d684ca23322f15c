/**
 * @module Shared pieces of the bus integration tests: a recording HTTP receiver on loopback, waiting for a
 * condition, and rule documents.
 */
import { startFakeHttpServer, type FakeHttpServer, type FakeRequest } from '../fakes/http-server.js';

/** A loopback receiver that records every request; `status` decides the answer (200 by default). */
export interface Receiver {
  origin: string;
  requests: FakeRequest[];
  /** The parsed JSON bodies of the requests to `path`. */
  bodies(path: string): any[];
  /** The status to answer for a request; change it to make the receiver fail or recover. */
  status: (request: FakeRequest) => number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: FakeRequest[] = [];
  let server: FakeHttpServer | undefined;
  const receiver: Receiver = {
    origin: '',
    requests,
    bodies: (path) => {
      const matching = requests.filter((request) => request.url.pathname === path);
      return matching.map((request) => JSON.parse(request.body));
    },
    status: () => 200,
    close: () => server?.close() ?? Promise.resolve(),
  };
  server = await startFakeHttpServer((request) => {
    requests.push(request);
    const status = receiver.status(request);
    return { status, json: status < 300 ? { errcode: 0, errmsg: 'ok' } : { error: 'unavailable' } };
  });
  receiver.origin = server.origin;
  return receiver;
}

export { waitFor } from '../support/wait-for.js';

/** A rule document with the given pattern and targets. */
export function ruleFile(
  pattern: Record<string, unknown>,
  targets: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { format: 'flowbus/rule@1', name: 'test rule', pattern, targets, ...extra };
}

export const STRUCTURED = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
