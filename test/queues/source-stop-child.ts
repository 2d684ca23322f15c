/**
 * @module Child process of the source-stop test: starts the NATS source on a stream, waits until it
 * consumes, stops it, prints `stopped` and returns; the process must then exit by itself.
 */
import { natsSource } from '../../connectors/nats/index.js';

const [url] = process.argv.slice(2);
const controller = new AbortController();
let markConnected!: () => void;
const connected = new Promise<void>((resolve) => (markConnected = resolve));
const running = await natsSource.start({
  id: 'stop-test',
  bus: 'default',
  config: { url, stream: 'STOP', subjects: ['stop.>'], durable: 'stop-test' },
  ingest: {
    maxEventBytes: 65_536,
    accept: async (event) => ({ status: 'accepted', id: event.id }),
    reject: (reason) => ({ status: 'rejected', reason }),
  },
  log: () => undefined,
  signal: controller.signal,
  report: (problem) => {
    if (problem) console.log(`problem: ${problem.message}`);
  },
  connected: (up) => {
    if (up) markConnected();
  },
});
await connected;
controller.abort();
await running.stop();
console.log('stopped');
