/**
 * @module A loopback webhook receiver for the story tests: records every callback, answers 200.
 */
import { startFakeHttpServer, type FakeRequest } from '../fakes/http-server.js';

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: FakeRequest[];
  /** The parsed JSON bodies of the requests to `path`. */
  bodies(path: string): any[];
  close(): Promise<void>;
}

/** Starts the receiver on 127.0.0.1 and a free port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: FakeRequest[] = [];
  const server = await startFakeHttpServer((request) => {
    requests.push(request);
    return { json: { code: 0, msg: 'ok' } };
  });
  return {
    origin: server.origin,
    requests,
    bodies: (path) =>
      requests.filter((request) => request.url.pathname === path).map((request) => JSON.parse(request.body)),
    close: () => server.close(),
  };
}
