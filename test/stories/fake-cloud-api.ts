/**
 * @module A fake cloud API for story 4: snapshots an instance's disks and reboots it, recording each call in
 * order, and reports a reboot the way the cloud does, as a GuestReboot event (through `onReboot`).
 */
import { startFakeHttpServer, parseJsonBody, isObject, type FakeAnswer } from '../fakes/http-server.js';

/** One call the API answered. */
export interface CloudCall {
  action: 'snapshot' | 'reboot';
  instanceId: string;
  body: unknown;
  status: number;
}

export interface FakeCloudApi {
  origin: string;
  calls: CloudCall[];
  close(): Promise<void>;
}

export interface FakeCloudApiOptions {
  /** Instances whose reboot the API refuses with 409 (an operation is already running). */
  busy?: string[];
  /** Called after each accepted reboot. */
  onReboot?: (instanceId: string) => void;
}

const INSTANCE = /^ins-[a-z0-9-]+$/;

/**
 * Starts the API on 127.0.0.1:0: `POST /v1/snapshots {"instanceId", "reason"}` answers 201
 * `{"snapshotId"}`; `POST /v1/instances/{id}/reboot {"stopType"}` answers 202 `{"requestId"}`. Anything
 * malformed answers 400, an unknown path 404.
 */
export async function startFakeCloudApi(options: FakeCloudApiOptions = {}): Promise<FakeCloudApi> {
  const calls: CloudCall[] = [];
  const answer = (call: Omit<CloudCall, 'status'>, status: number, json: unknown): FakeAnswer => {
    calls.push({ ...call, status });
    return { status, json };
  };
  const server = await startFakeHttpServer((request) => {
    const body = parseJsonBody(request.body);
    if (request.method !== 'POST' || !isObject(body)) return { status: 400, json: { error: 'POST JSON' } };
    if (request.url.pathname === '/v1/snapshots') {
      const instanceId = String(body.instanceId ?? '');
      if (!INSTANCE.test(instanceId)) return { status: 400, json: { error: 'instanceId' } };
      const snapshotId = `snap-${calls.length + 1}`;
      return answer({ action: 'snapshot', instanceId, body }, 201, { snapshotId, instanceId });
    }
    const reboot = /^\/v1\/instances\/([^/]+)\/reboot$/.exec(request.url.pathname);
    if (!reboot) return { status: 404, json: { error: 'not found' } };
    const instanceId = decodeURIComponent(reboot[1]!);
    if (!INSTANCE.test(instanceId) || !['SOFT', 'HARD'].includes(String(body.stopType))) {
      return { status: 400, json: { error: 'instance id or stopType' } };
    }
    if (options.busy?.includes(instanceId)) {
      return answer({ action: 'reboot', instanceId, body }, 409, { error: 'an operation is in progress' });
    }
    setImmediate(() => options.onReboot?.(instanceId));
    return answer({ action: 'reboot', instanceId, body }, 202, { requestId: `req-${calls.length + 1}` });
  });
  return { origin: server.origin, calls, close: () => server.close() };
}
