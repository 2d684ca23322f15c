/**
 * @module The composition root: wires the built-in steps and the connectors into the CLI and the server.
 */
import { runCli } from '../engine/cli/index.js';
import {
  connectorConnectionTypes,
  connectorDataServices,
  connectorSourceTypes,
  connectorTargetTypes,
} from '../connectors/index.js';
import { createEditorHandler } from '../editor/static-handler.js';
import { createAppRegistry } from './registry.js';

const code = await runCli(process.argv.slice(2), {
  registry: createAppRegistry(),
  connectionTypes: connectorConnectionTypes,
  fallback: createEditorHandler(),
  targetTypes: connectorTargetTypes,
  sourceTypes: connectorSourceTypes,
  dataServices: connectorDataServices,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
});
process.exitCode = code;
