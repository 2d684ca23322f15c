/**
 * @module Loads the configuration: defaults, then the config file, then environment variables, then options.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { FlowbusError } from '../core/errors.js';
import { CONFIG_FIELDS, SECTION_KEYS, type ConfigField } from './fields.js';
import {
  CONFIG_FILE_NAME,
  DEFAULT_CONFIG,
  type HistoryConfig,
  type LimitsConfig,
  type ServerConfig,
} from './types.js';

/** Values given directly (CLI flags, `startServer` options); they win over the file and the environment. */
export interface ConfigOverrides {
  port?: number | string;
  host?: string;
  /** A list, or a comma-separated text. */
  allowedHosts?: readonly string[] | string;
  flowsDir?: string;
  dataDir?: string;
  authToken?: string;
  environment?: string;
  logLevel?: string;
  limits?: Partial<Record<keyof LimitsConfig, number | string>>;
  history?: Partial<Record<keyof HistoryConfig, number | string>>;
}

export interface LoadConfigOptions {
  /** The config file, which must exist. Default `FLOWBUS_CONFIG`, else `flowbus.config.json` if present. */
  file?: string;
  /** Where relative paths of the environment and options start, and where the config file is looked up. */
  cwd?: string;
  env?: Record<string, string | undefined>;
  overrides?: ConfigOverrides;
  /** The `limits` of the chosen environment's file: above the config file, below environment variables. */
  environmentLimits?: { file: string; limits: Record<string, unknown> };
}

interface Source {
  name: string;
  base: string;
  read(field: ConfigField): unknown;
}

/**
 * Resolves the server configuration. Throws a `CONFIG:INVALID` FlowbusError with one line per problem,
 * each naming the source, the key and what is expected.
 *
 * @example
 * const config = await loadConfig({ overrides: { port: 8080 } });
 * // FLOWBUS_PORT=abc: 'environment variable FLOWBUS_PORT: "port" must be an integer from 0 to 65535 ...'
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ServerConfig> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const config: ServerConfig = {
    ...structuredClone(DEFAULT_CONFIG),
    flowsDir: resolve(cwd, DEFAULT_CONFIG.flowsDir),
    dataDir: resolve(cwd, DEFAULT_CONFIG.dataDir),
  };
  const sources: Source[] = [];
  const file = await readConfigFile(options.file ?? env.FLOWBUS_CONFIG, cwd);
  if (file) {
    config.file = file.path;
    const name = relative(cwd, file.path) || file.path;
    problems.push(...unknownKeys(file.data, name));
    sources.push({ name, base: dirname(file.path), read: (field) => readKey(file.data, field.key) });
  }
  const environment = options.environmentLimits;
  if (environment) {
    const name = relative(cwd, environment.file) || environment.file;
    const limits = { limits: environment.limits };
    sources.push({ name, base: cwd, read: (field) => (field.key.startsWith('limits.') ? readKey(limits, field.key) : undefined) });
  }
  sources.push({
    name: 'environment variable',
    base: cwd,
    read: (field) => (env[field.env] === '' ? undefined : env[field.env]),
  });
  const overrides = (options.overrides ?? {}) as Record<string, unknown>;
  sources.push({ name: 'option', base: cwd, read: (field) => readKey(overrides, field.key) });

  for (const source of sources) {
    for (const field of CONFIG_FIELDS) {
      const raw = source.read(field);
      if (raw === undefined) continue;
      const parsed = field.parse(raw);
      const where = source.name === 'environment variable' ? `${source.name} ${field.env}` : source.name;
      if ('expected' in parsed) {
        problems.push(`${where}: "${field.key}" must be ${parsed.expected}, got ${describe(field, raw)}`);
        continue;
      }
      const value = field.path ? resolve(source.base, parsed.value as string) : parsed.value;
      writeKey(config as unknown as Record<string, unknown>, field.key, value);
    }
  }
  if (problems.length > 0) {
    throw new FlowbusError('CONFIG:INVALID', problems.join('\n'), { problems });
  }
  return config;
}

async function readConfigFile(
  given: string | undefined,
  cwd: string,
): Promise<{ path: string; data: Record<string, unknown> } | undefined> {
  const path = resolve(cwd, given ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT' && given === undefined) return undefined;
    const reason = (thrown as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new FlowbusError('CONFIG:INVALID', `config file ${path} ${reason}`, { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (thrown) {
    const message = `${path}: not valid JSON (${(thrown as Error).message})`;
    throw new FlowbusError('CONFIG:INVALID', message, { file: path });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FlowbusError('CONFIG:INVALID', `${path}: must hold a JSON object of settings`, { file: path });
  }
  return { path, data: data as Record<string, unknown> };
}

function unknownKeys(data: Record<string, unknown>, file: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === '$schema') continue;
    if (!(key in SECTION_KEYS)) {
      problems.push(`${file}: unknown key "${key}"; known keys: ${Object.keys(SECTION_KEYS).join(', ')}`);
      continue;
    }
    const subKeys = SECTION_KEYS[key];
    if (!subKeys) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${file}: "${key}" must be an object with keys ${subKeys.join(', ')}`);
      continue;
    }
    for (const subKey of Object.keys(value)) {
      if (subKeys.includes(subKey)) continue;
      problems.push(`${file}: unknown key "${key}.${subKey}"; known keys of "${key}": ${subKeys.join(', ')}`);
    }
  }
  return problems;
}

function readKey(data: Record<string, unknown>, key: string): unknown {
  let value: unknown = data;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function writeKey(data: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  const last = parts.pop()!;
  let target = data;
  for (const part of parts) target = target[part] as Record<string, unknown>;
  target[last] = value;
}

/** The value for an error message; the auth token is never shown. */
function describe(field: ConfigField, value: unknown): string {
  if (field.key === 'authToken') {
    if (typeof value === 'string') return `a text of ${value.length} characters`;
    return `a value of type ${typeof value}`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
