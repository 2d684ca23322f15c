/**
 * @module What an environment file holds (`<flows>/environments/<name>.env.json`): the connection configs,
 * `$env` variables, rule switches and limits of one environment, with secrets only referenced.
 */
import { join } from 'node:path';

/** The format tag of environment files. */
export const ENVIRONMENT_FORMAT = 'flowbus/environment@1';

/** What an environment file's name ends with. */
export const ENVIRONMENT_FILE_ENDING = '.env.json';

/** The folder under the flows folder that holds the environment files. */
export const ENVIRONMENTS_FOLDER = 'environments';

/** What an environment name must look like. */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A secret, never written in the file: the value of the environment variable `$secret` of the process. */
export interface SecretReference {
  $secret: string;
}

/** One connection config: its type and values (secret fields as references), or a connection of the store. */
export type EnvironmentConnection =
  | { type: string; description?: string; values: Record<string, unknown> }
  | { type: string; description?: string; store: string };

/**
 * An environment file.
 *
 * @example
 * { "format": "flowbus/environment@1", "name": "Production",
 *   "connections": { "ops-wecom": { "type": "wecom-robot", "values": { "webhook": { "$secret": "OPS_WECOM_WEBHOOK" } } } },
 *   "variables": { "FLOWBUS_VAR_CLOUD_API": "https://api.example.com" },
 *   "rules": { "cvm-alarms-to-im": { "enabled": true } },
 *   "limits": { "executionTimeoutMs": 20000 } }
 */
export interface EnvironmentDocument {
  $schema?: string;
  format: typeof ENVIRONMENT_FORMAT;
  name: string;
  description?: string;
  connections?: Record<string, EnvironmentConnection>;
  /** What `$env(name)` gives in this environment: a text, or a secret reference. */
  variables?: Record<string, string | SecretReference>;
  /** Rules switched on or off here, whatever their file says. */
  rules?: Record<string, { enabled: boolean }>;
  /** `limits.*` config keys for this environment (the config file's keys; environment variables still win). */
  limits?: Record<string, unknown>;
}

/** Keys of an environment file, in canonical order. */
export const ENVIRONMENT_ROOT_KEYS = ['$schema', 'format', 'name', 'description', 'connections', 'variables', 'rules', 'limits'] as const;

/** The file of environment `name` under a flows folder; a value ending in `.env.json` is a path already. */
export function environmentFile(flowsDir: string, nameOrPath: string): string {
  if (nameOrPath.endsWith(ENVIRONMENT_FILE_ENDING)) return nameOrPath;
  return join(flowsDir, ENVIRONMENTS_FOLDER, `${nameOrPath}${ENVIRONMENT_FILE_ENDING}`);
}

export function isSecretReference(value: unknown): value is SecretReference {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>).$secret === 'string'
  );
}
