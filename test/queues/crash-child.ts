/**
 * @module The process the queue crash test kills: the real server with the RabbitMQ and NATS connectors on
 * 127.0.0.1 and a free port. Run: `node --import tsx test/queues/crash-child.ts <dataDir> <flowsDir>`; it
 * prints `LISTENING <port>`.
 */
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes, connectorSourceTypes, connectorTargetTypes } from '../../connectors/index.js';
import { startServer } from '../../engine/server/index.js';

const [dataDir, flowsDir] = process.argv.slice(2);
if (!dataDir || !flowsDir) {
  process.stderr.write('usage: crash-child.ts <dataDir> <flowsDir>\n');
  process.exit(2);
}
const server = await startServer({
  registry: createAppRegistry(),
  connectionTypes: connectorConnectionTypes,
  targetTypes: connectorTargetTypes,
  sourceTypes: connectorSourceTypes,
  port: 0,
  flowsDir,
  dataDir,
  logLevel: 'error',
  env: { FLOWBUS_SECRET_KEY: 'c'.repeat(64) },
});
process.stdout.write(`LISTENING ${server.port}\n`);
