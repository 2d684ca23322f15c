/**
 * @module What the durable crash tests share: the four-step durable flow of issue 11 with the rule that
 * feeds it, written into a flows folder, and a loopback fake that records every call it gets with its
 * Idempotency-Key and whether it came before or after the restart.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ruleFile } from '../bus/helpers.js';

/** One call the fake got. */
export interface RecordedCall {
  event: string;
  step: string;
  key: string | undefined;
  phase: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface CallRecorder {
  url: string;
  calls: RecordedCall[];
  /** Increased by the test at each restart: calls are tagged with it. */
  phase: number;
  /** The status to answer a call with (200 by default). */
  status: (call: RecordedCall) => number;
  /** Milliseconds to hold the answer to a call of `step` (0 by default): executions stay in flight. */
  delayMs: (step: string) => number;
  close(): Promise<void>;
}

/** A fake receiver that records each call once it has answered it, as a receiver committing on reply. */
export async function startCallRecorder(): Promise<CallRecorder> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const { event, step } = JSON.parse(body) as { event: string; step: string };
      const answer = () => {
        if (request.socket.destroyed) return;
        const key = request.headers['idempotency-key'];
        const call = { event, step, key: typeof key === 'string' ? key : undefined, phase: recorder.phase, at: Date.now() };
        recorder.calls.push(call);
        response.writeHead(recorder.status(call), { 'content-type': 'application/json' }).end('{"ok":true}');
      };
      const delay = recorder.delayMs(step);
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const recorder: CallRecorder = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: [],
    phase: 0,
    status: () => 200,
    delayMs: () => 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return recorder;
}

const call = (id: string, url: string) => ({
  id,
  type: 'http-request',
  config: { method: 'POST', url, body: { $expr: `{ 'event': vars.event, 'step': '${id}' }` } },
});

/** The rule `durable-crash` (source `durable.crash`) to the flow `durable-crash`, target `run`. */
export const RULE = 'durable-crash';
export const TARGET = 'run';

/** Writes the flow and its rule into `flowsDir`; `extraSteps` go after the four. */
export async function writeDurableFlow(flowsDir: string, fakeUrl: string, source: string): Promise<void> {
  await mkdir(flowsDir, { recursive: true });
  const flow = {
    format: 'flowbus/flow@1',
    name: 'Durable crash test',
    execution: 'durable',
    trigger: { id: 'on-event', type: 'event', config: { bus: 'default' } },
    steps: [
      { id: 'mark', type: 'set-variable', config: { name: 'event', value: { $expr: 'payload.id' } } },
      call('call-first', `${fakeUrl}/first`),
      {
        id: 'guard',
        type: 'try',
        steps: [call('call-second', `${fakeUrl}/second`)],
        catch: [{ id: 'on-error', config: { errorTypes: ['ANY'] }, steps: [] }],
      },
      { id: 'finish', type: 'set-variable', config: { name: 'finished', value: true } },
    ],
  };
  await writeFile(join(flowsDir, 'durable-crash.flow.json'), JSON.stringify(flow));
  const target = { id: TARGET, type: 'flow', config: { flow: 'durable-crash' }, concurrency: 64 };
  await writeFile(join(flowsDir, `${RULE}.rule.json`), JSON.stringify(ruleFile({ source: [source] }, [target])));
}
