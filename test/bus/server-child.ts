/**
 * @module The process the server crash tests kill: the whole server (flows, flow runner, bus, API) with the
 * built-in steps, on 127.0.0.1 and a free port, its log lines on stderr. Run:
 * `node --import tsx test/bus/server-child.ts <flowsDir> <dataDir>`; it prints `LISTENING <port>`.
 */
import { createRegistry } from '../../engine/core/registry.js';
import { startServer } from '../../engine/server/index.js';
import { builtinSteps } from '../../engine/steps/index.js';

const [flowsDir, dataDir] = process.argv.slice(2);
if (!flowsDir || !dataDir) {
  process.stderr.write('usage: server-child.ts <flowsDir> <dataDir>\n');
  process.exit(2);
}
const server = await startServer({
  registry: createRegistry(builtinSteps),
  port: 0,
  host: '127.0.0.1',
  flowsDir,
  dataDir,
  env: {},
  cwd: dataDir,
  logWrite: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`LISTENING ${server.port}\n`);
