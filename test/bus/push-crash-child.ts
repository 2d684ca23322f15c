/**
 * @module The process the delivery-state crash tests kill: a bus with the message-push target and the
 * connectors' send ledger opened in the data folder, its routes on 127.0.0.1 and a free port. Run:
 * `node --import tsx test/bus/push-crash-child.ts <dataDir> <flowsDir>`; it prints `LISTENING <port>`.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createEventBus } from '../../engine/bus/index.js';
import { installBusRoutes } from '../../engine/server/api/bus-routes.js';
import { createMessagePushTarget } from '../../notifications/index.js';
import { SendLedger } from '../../connectors/shared/send-ledger.js';

const [dataDir, flowsDir] = process.argv.slice(2);
if (!dataDir || !flowsDir) {
  process.stderr.write('usage: push-crash-child.ts <dataDir> <flowsDir>\n');
  process.exit(2);
}
const sentLedger = new SendLedger();
await sentLedger.open(dataDir);
const log = (level: string, message: string, fields?: Record<string, unknown>) => {
  process.stderr.write(`${level} ${message} ${JSON.stringify(fields ?? {})}\n`);
};
const bus = await createEventBus({
  dataDir,
  flowsDir,
  sync: true,
  targetTypes: [createMessagePushTarget({ sentLedger, log })],
  log,
});
const app = express();
installBusRoutes(app, bus);
bus.start();
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void bus
    .close()
    .then(() => sentLedger.close())
    .then(() => process.exit(0));
});
