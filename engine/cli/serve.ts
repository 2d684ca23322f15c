/**
 * @module `flowbus serve`: starts the server; it runs until SIGTERM or SIGINT, then shuts down gracefully.
 */
import { parseArgs } from 'node:util';
import { FlowbusError } from '../core/errors.js';
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
  let server;
  try {
    server = await startServer({
      registry: deps.registry,
      connectionTypes: deps.connectionTypes,
      targetTypes: deps.targetTypes,
      sourceTypes: deps.sourceTypes,
      dataServices: deps.dataServices,
      port,
      host: values.host,
      flowsDir: values.flows,
      dataDir: values.data,
      config: values.config,
      environment: values.env,
      cwd: deps.cwd,
      fallback: deps.fallback,
    });
  } catch (error) {
    // A configuration or environment the server cannot start with is said plainly, with every problem.
    const type = error instanceof FlowbusError ? error.type : '';
    if (!type.startsWith('CONFIG:') && !type.startsWith('ENVIRONMENT:')) throw error;
    deps.err(`flowbus serve: ${(error as Error).message}`);
    return 1;
  }
  deps.err(`flowbus is serving on ${server.url} (editor: ${server.url}/, API: ${server.url}/api)`);
  return 0;
};
