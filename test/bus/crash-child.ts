/**
 * @module The process the crash test kills: a bus with its routes on 127.0.0.1 and a free port, durable
 * writes on. Run: `node --import tsx test/bus/crash-child.ts <dataDir> <flowsDir>`; it prints
 * `LISTENING <port>`.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createEventBus } from '../../engine/bus/index.js';
import { installBusRoutes } from '../../engine/server/api/bus-routes.js';

const [dataDir, flowsDir] = process.argv.slice(2);
if (!dataDir || !flowsDir) {
  process.stderr.write('usage: crash-child.ts <dataDir> <flowsDir>\n');
  process.exit(2);
}
const bus = await createEventBus({
  dataDir,
  flowsDir,
  sync: true,
  log: (level, message, fields) => {
    if (level !== 'warn') process.stderr.write(`${level} ${message} ${JSON.stringify(fields ?? {})}\n`);
  },
});
const app = express();
installBusRoutes(app, bus);
bus.start();
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void bus.close().then(() => process.exit(0));
});
