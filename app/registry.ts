/**
 * @module The composition root's registry: the built-in steps and every connector.
 */
import { createRegistry, type Registry } from '../engine/core/registry.js';
import { builtinSteps } from '../engine/steps/index.js';
import { connectorSteps } from '../connectors/index.js';

/** The registry the server, the CLI and the schema generator use. */
export function createAppRegistry(): Registry {
  return createRegistry([...builtinSteps, ...connectorSteps]);
}
