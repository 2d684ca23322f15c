/**
 * @module Running a server in an environment: its file read, checked and resolved at start, its connection
 * configs placed before the store's, its secrets handed to the redactor.
 */
import { relative } from 'node:path';
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import { FlowbusError } from '../core/errors.js';
import { formatIssue } from '../core/issues.js';
import type { Redactor } from '../logging/redact.js';
import type { ConnectionService } from '../store/connections.js';
import { environmentFile } from './format.js';
import { loadEnvironmentFile, resolveEnvironment, type ResolvedEnvironment } from './load.js';

/** A resolved environment and the file it came from. */
export interface OpenedEnvironment extends ResolvedEnvironment {
  file: string;
}

/**
 * Reads environment `name` of the flows folder and resolves its secrets from `env`. Throws
 * `ENVIRONMENT:INVALID` with one line per problem of the file, `ENVIRONMENT:SECRET_MISSING` per unset secret.
 *
 * @example
 * const production = await openEnvironment('/srv/flows', 'production', types, process.env, process.cwd());
 */
export async function openEnvironment(
  flowsDir: string,
  name: string,
  types: ReadonlyMap<string, ConnectionTypeDefinition>,
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<OpenedEnvironment> {
  const file = environmentFile(flowsDir, name);
  const shown = relative(cwd, file) || file;
  const loaded = await loadEnvironmentFile(file, types, shown);
  if (!loaded.document) {
    const message = `environment "${name}": ${loaded.issues.map(formatIssue).join('\n')}`;
    throw new FlowbusError('ENVIRONMENT:INVALID', message, { file: shown, issues: loaded.issues });
  }
  return { file: shown, ...resolveEnvironment(shown, loaded.document, env) };
}

/**
 * The connection service seen by executions, triggers and the bus in an environment: a name the environment
 * defines resolves to its values (or to the store connection it names); other names go to the store.
 */
export function withEnvironmentConnections(service: ConnectionService, environment: ResolvedEnvironment): ConnectionService {
  const resolve: ConnectionService['resolve'] = async (name, type) => {
    const stored = environment.storeConnections.get(name);
    if (stored) {
      checkType(name, stored.type, type, environment);
      return service.resolve(stored.store, type);
    }
    const defined = environment.connections.get(name);
    if (!defined) return service.resolve(name, type);
    checkType(name, defined.type, type, environment);
    return structuredClone(defined.values);
  };
  return { ...service, resolve, resolver: { get: (name, connectorType) => resolve(name, connectorType) } };
}

function checkType(name: string, actual: string, expected: string | undefined, environment: ResolvedEnvironment): void {
  if (expected === undefined || actual === expected) return;
  const message = `connection "${name}" of environment "${environment.name}" is a ${actual} connection, a ${expected} connection is needed`;
  throw new FlowbusError('CONNECTION:TYPE_MISMATCH', message, { name, type: actual, expected });
}

/** Makes `redactor` keep the environment's secrets besides those the store hands it (in place: the logger shares it). */
export function keepEnvironmentSecrets(redactor: Redactor, secrets: readonly string[]): void {
  const setSecrets = redactor.setSecrets.bind(redactor);
  redactor.setSecrets = (values) => setSecrets([...values, ...secrets]);
  redactor.setSecrets([]);
}
