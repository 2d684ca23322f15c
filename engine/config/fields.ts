/**
 * @module The config keys: where each is read from (file key, environment variable) and how it is checked.
 */
import { MAX_JSON_DEPTH } from '../core/json-depth.js';
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

/** A share from 0.1 to 1 (1 turns the heap check off). */
const ratio: FieldParser = (value) => {
  const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number) && number >= 0.1 && number <= 1) return { value: number };
  return { expected: 'a number from 0.1 to 1 (a share of the heap limit; 1 turns the check off)' };
};

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

const HOST_ENTRY = /^\.?(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$|^\[?[0-9a-f.]*:[0-9a-f.]*:[0-9a-f:.]*\]?$/i;

/**
 * A list of host names or IP addresses, without scheme or port (`.example.com`: the domain and its
 * subdomains): a JSON array in the file, a comma-separated text in the environment.
 */
export const parseHostList: FieldParser = (value) => {
  const expected =
    'a list of host names or IP addresses without scheme or port, e.g. ["flowbus.internal", "10.0.0.5", ' +
    '".corp.example"] (in the environment: flowbus.internal,10.0.0.5)';
  const list = typeof value === 'string' ? value.split(',').filter((entry) => entry.trim() !== '') : value;
  if (!Array.isArray(list)) return { expected };
  const entries: string[] = [];
  for (const [index, entry] of list.entries()) {
    if (typeof entry !== 'string' || !HOST_ENTRY.test(entry.trim())) {
      return { expected: `${expected}; entry ${index} (${JSON.stringify(entry)}) is not one` };
    }
    entries.push(entry.trim());
  }
  return { value: entries };
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
  { key: 'allowedHosts', env: 'FLOWBUS_ALLOWED_HOSTS', parse: parseHostList },
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
  { key: 'limits.valueBytes', env: 'FLOWBUS_VALUE_LIMIT', parse: parseSize },
  { key: 'limits.messageBytes', env: 'FLOWBUS_MESSAGE_LIMIT', parse: parseSize },
  {
    key: 'limits.traceEntries',
    env: 'FLOWBUS_TRACE_ENTRIES',
    parse: integer(2, MAX, 'an integer of 2 or more'),
  },
  { key: 'limits.replyBytes', env: 'FLOWBUS_REPLY_LIMIT', parse: parseSize },
  { key: 'limits.logLineBytes', env: 'FLOWBUS_LOG_LINE_LIMIT', parse: parseSize },
  { key: 'limits.recordBytes', env: 'FLOWBUS_RECORD_LIMIT', parse: parseSize },
  { key: 'limits.flowSteps', env: 'FLOWBUS_FLOW_STEPS', parse: integer(1, MAX, 'a positive integer') },
  { key: 'limits.flowBytes', env: 'FLOWBUS_FLOW_LIMIT', parse: parseSize },
  {
    key: 'limits.stallWarningMs',
    env: 'FLOWBUS_STALL_WARNING_MS',
    parse: integer(0, MAX, 'an integer of 0 or more (milliseconds; 0 turns the warning off)'),
  },
  {
    key: 'limits.busUnsettledEvents',
    env: 'FLOWBUS_BUS_UNSETTLED_EVENTS',
    parse: integer(1, MAX, 'a positive integer (events)'),
  },
  {
    key: 'limits.targetQueueSize',
    env: 'FLOWBUS_TARGET_QUEUE_SIZE',
    parse: integer(1, MAX, 'a positive integer (deliveries)'),
  },
  {
    key: 'limits.flowConcurrency',
    env: 'FLOWBUS_FLOW_CONCURRENCY',
    parse: integer(1, MAX, 'a positive integer (executions)'),
  },
  {
    key: 'limits.flowQueueSize',
    env: 'FLOWBUS_FLOW_QUEUE_SIZE',
    parse: integer(0, MAX, 'an integer of 0 or more (executions)'),
  },
  {
    key: 'limits.overloadEventLoopDelayMs',
    env: 'FLOWBUS_OVERLOAD_EVENT_LOOP_DELAY_MS',
    parse: integer(0, MAX, 'an integer of 0 or more (milliseconds; 0 turns the check off)'),
  },
  {
    key: 'limits.overloadHeapRatio',
    env: 'FLOWBUS_OVERLOAD_HEAP_RATIO',
    parse: ratio,
  },
  {
    key: 'limits.jsonDepth',
    env: 'FLOWBUS_JSON_DEPTH',
    parse: integer(16, MAX_JSON_DEPTH, `an integer from 16 to ${MAX_JSON_DEPTH} (nested objects and arrays)`),
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
