/**
 * @module The config keys: where each is read from (file key, environment variable) and how it is checked.
 */
import { LOG_LEVEL_NAMES } from '../logging/logger.js';

/** Checks one value; returns it converted, or a description of what was expected. */
export type FieldParser = (value: unknown) => { value: unknown } | { expected: string };

/** One config key. */
export interface ConfigField {
  /** Dotted key in the file: `port`, `limits.bodyBytes`. */
  key: string;
  /** The environment variable that overrides it. */
  env: string;
  parse: FieldParser;
  /** A folder, resolved against the config file's folder or the working folder. */
  path?: boolean;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function integer(min: number, max: number, expected: string): FieldParser {
  return (value) => {
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max) {
      return { value: number };
    }
    return { expected };
  };
}

const nonEmptyString =
  (expected: string): FieldParser =>
  (value) =>
    typeof value === 'string' && value.trim() !== '' ? { value: value.trim() } : { expected };

/** A byte count: an integer, or a text like `512kb`, `1mb`. */
export const parseSize: FieldParser = (value) => {
  const expected = 'a size in bytes: a positive integer or a text like "512kb" or "1mb"';
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? { value } : { expected };
  if (typeof value !== 'string') return { expected };
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!match) return { expected };
  const bytes = Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
  return bytes > 0 ? { value: bytes } : { expected };
};

const parseToken: FieldParser = (value) =>
  typeof value === 'string' && value.length >= 16 && !/\s/.test(value)
    ? { value }
    : { expected: 'a token of at least 16 characters without spaces (e.g. from `openssl rand -hex 24`)' };

const parseLogLevel: FieldParser = (value) => {
  const levels = [...LOG_LEVEL_NAMES, 'silent'];
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  return levels.includes(text as string) ? { value: text } : { expected: `one of ${levels.join(', ')}` };
};

/** An environment name: its file is `<flowsDir>/environments/<name>.env.json`. */
const parseEnvironmentName: FieldParser = (value) =>
  typeof value === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(value.trim())
    ? { value: value.trim() }
    : { expected: 'an environment name of lowercase letters, digits, "_" and "-" (its file: environments/<name>.env.json)' };

const MAX = Number.MAX_SAFE_INTEGER;

/** Every config key, in the order errors are reported. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  {
    key: 'port',
    env: 'FLOWBUS_PORT',
    parse: integer(0, 65535, 'an integer from 0 to 65535 (0: any free port)'),
  },
  { key: 'host', env: 'FLOWBUS_HOST', parse: nonEmptyString('a host name or IP address, e.g. "127.0.0.1"') },
  { key: 'flowsDir', env: 'FLOWBUS_FLOWS_DIR', parse: nonEmptyString('a folder path'), path: true },
  { key: 'dataDir', env: 'FLOWBUS_DATA_DIR', parse: nonEmptyString('a folder path'), path: true },
  { key: 'authToken', env: 'FLOWBUS_AUTH_TOKEN', parse: parseToken },
  { key: 'environment', env: 'FLOWBUS_ENV', parse: parseEnvironmentName },
  { key: 'logLevel', env: 'FLOWBUS_LOG_LEVEL', parse: parseLogLevel },
  { key: 'limits.bodyBytes', env: 'FLOWBUS_BODY_LIMIT', parse: parseSize },
  {
    key: 'limits.executionTimeoutMs',
    env: 'FLOWBUS_EXECUTION_TIMEOUT_MS',
    parse: integer(1, MAX, 'a positive integer (milliseconds)'),
  },
  {
    key: 'limits.eventExecutionTimeoutMs',
    env: 'FLOWBUS_EVENT_EXECUTION_TIMEOUT_MS',
    parse: integer(1, MAX, 'a positive integer (milliseconds)'),
  },
  {
    key: 'limits.shutdownTimeoutMs',
    env: 'FLOWBUS_SHUTDOWN_TIMEOUT_MS',
    parse: integer(0, MAX, 'an integer of 0 or more (milliseconds)'),
  },
  {
    key: 'limits.maxConcurrentExecutions',
    env: 'FLOWBUS_MAX_CONCURRENT_EXECUTIONS',
    parse: integer(1, MAX, 'a positive integer'),
  },
  {
    key: 'history.maxPerFlow',
    env: 'FLOWBUS_HISTORY_MAX_PER_FLOW',
    parse: integer(0, MAX, 'an integer of 0 or more'),
  },
  {
    key: 'history.maxAgeHours',
    env: 'FLOWBUS_HISTORY_MAX_AGE_HOURS',
    parse: integer(1, MAX, 'a positive integer (hours)'),
  },
  {
    key: 'history.flushIntervalMs',
    env: 'FLOWBUS_HISTORY_FLUSH_MS',
    parse: integer(0, 60_000, 'an integer from 0 to 60000 (milliseconds)'),
  },
];

/** The top-level keys a config file may hold: `null` for a plain key, the sub-keys for a section. */
export const SECTION_KEYS: Record<string, string[] | null> = (() => {
  const sections: Record<string, string[] | null> = {};
  for (const { key } of CONFIG_FIELDS) {
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (tail === undefined) {
      sections[head] = null;
      continue;
    }
    const list = sections[head] ?? [];
    list.push(tail);
    sections[head] = list;
  }
  return sections;
})();
