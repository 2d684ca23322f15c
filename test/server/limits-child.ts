/**
 * @module The server process the limits test measures: `startServer` on 127.0.0.1 and a free port, with the
 * flows and data folders given. Run: `node --import tsx test/server/limits-child.ts <flowsDir> <dataDir>`;
 * it prints `LISTENING <url>`, and stops on SIGTERM.
 */
import { createRegistry } from '../../engine/core/registry.js';
import { startServer } from '../../engine/server/index.js';
import { builtinSteps } from '../../engine/steps/index.js';

const [flowsDir, dataDir] = process.argv.slice(2);
if (!flowsDir || !dataDir) {
  process.stderr.write('usage: limits-child.ts <flowsDir> <dataDir>\n');
  process.exit(2);
}
const server = await startServer({
  registry: createRegistry(builtinSteps),
  port: 0,
  host: '127.0.0.1',
  flowsDir,
  dataDir,
  logLevel: 'error',
  logWrite: (line) => process.stderr.write(`${line}\n`),
  handleSignals: false,
  env: { FLOWBUS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') },
});
process.stdout.write(`LISTENING ${server.url}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
