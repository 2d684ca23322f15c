/**
 * @module `flowbus serve`: starts the server; it runs until SIGTERM or SIGINT, then shuts down gracefully.
 */
import { parseArgs } from 'node:util';
import { startServer } from '../server/index.js';
import { UsageError, type Command } from './io.js';

export const serveCommand: Command = async (args, deps) => {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      flows: { type: 'string' },
      data: { type: 'string' },
      config: { type: 'string' },
      env: { type: 'string' },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new UsageError(`--port takes a port number from 0 to 65535, got "${values.port}"`);
  }
  const server = await startServer({
    registry: deps.registry,
    connectionTypes: deps.connectionTypes,
    targetTypes: deps.targetTypes,
    port,
    host: values.host,
    flowsDir: values.flows,
    dataDir: values.data,
    config: values.config,
    environment: values.env,
    cwd: deps.cwd,
    fallback: deps.fallback,
  });
  deps.err(`flowbus is serving on ${server.url} (editor: ${server.url}/, API: ${server.url}/api)`);
  return 0;
};
