/**
 * @module What `*.rule.json` and `*.bus.json` files hold: their types, format tags, defaults and key orders.
 */
import type { BatchPolicy, DeadLetterPolicy, RetryPolicy } from '../types.js';

/** The format tag of rule files. */
export const RULE_FORMAT = 'flowbus/rule@1';

/** The format tag of bus files. */
export const BUS_FORMAT = 'flowbus/bus@1';

export const RULE_FILE_SUFFIX = '.rule.json';
export const BUS_FILE_SUFFIX = '.bus.json';

/** The bus that always exists; it needs no file (a `default.bus.json` may describe it). */
export const DEFAULT_BUS_ID = 'default';

/** What a rule or bus id (its file name) must look like: 1 to 64 letters, digits, `_`, `.`, `-`. */
export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** What a target id must look like: a lowercase slug, like a step id. */
export const TARGET_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The vendor's limit of targets per rule. */
export const MAX_TARGETS_PER_RULE = 10;

export const DEAD_LETTER_POLICIES: readonly DeadLetterPolicy[] = ['DLQ', 'DROP', 'IGNORE_ERROR'];

/** The input transformer: values picked from the event by path, put into a template. */
export interface InputTransform {
  /** Name -> JSONPath into the event (`$.data.instanceId`). */
  inputPaths?: Record<string, string>;
  /** Any JSON value; `"<name>"` is replaced by the value, `<name>` inside a longer string by its text. */
  template: unknown;
}

/** A JSONata expression evaluated with the event as input. */
export interface JsonataTransform {
  jsonata: string;
}

export type RuleTransform = InputTransform | JsonataTransform;

/** Where dead letters also go (the vendor's DLQ to a topic): a target type and its config, e.g. a queue. */
export interface DeadLetterQueue {
  type: string;
  config?: Record<string, unknown>;
}

/** One target of a rule. */
export interface RuleTarget {
  id: string;
  type: string;
  config?: Record<string, unknown>;
  batch?: Partial<BatchPolicy>;
  retry?: Partial<RetryPolicy>;
  deadLetter?: DeadLetterPolicy;
  /** With `DLQ`: each dead letter is also sent here (one attempt; it stays in the store either way). */
  deadLetterQueue?: DeadLetterQueue;
  /** Deliveries in flight at once to this target. */
  concurrency?: number;
}

/**
 * A rule file. Its id is its file name without `.rule.json`.
 *
 * @example
 * { "format": "flowbus/rule@1", "name": "CVM alarms", "bus": "default", "enabled": true,
 *   "pattern": { "source": ["cvm.cloud.tencent"] },
 *   "targets": [{ "id": "archive", "type": "log-store" }] }
 */
export interface RuleDocument {
  $schema?: string;
  format: typeof RULE_FORMAT;
  name: string;
  description?: string;
  bus?: string;
  enabled?: boolean;
  pattern: Record<string, unknown>;
  transform?: RuleTransform;
  /** The dead-letter policy of targets that do not set their own; default `DLQ`. */
  deadLetter?: DeadLetterPolicy;
  /** The dead-letter queue of targets that do not set their own. */
  deadLetterQueue?: DeadLetterQueue;
  targets: RuleTarget[];
}

/** A bus file. Its id is its file name without `.bus.json`. */
export interface BusDocument {
  $schema?: string;
  format: typeof BUS_FORMAT;
  name: string;
  description?: string;
  /** Every event accepted on this bus is also kept in the log store (the vendor's `EnableStore`). */
  storeEvents?: boolean;
}

/** Defaults of a target's policies. */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  initialDelayMs: 1000,
  maxDelayMs: 60_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};
export const DEFAULT_BATCH: BatchPolicy = { maxEvents: 10, maxWaitMs: 1000 };
export const DEFAULT_CONCURRENCY = 4;

export const RULE_ROOT_KEYS = [
  '$schema',
  'format',
  'name',
  'description',
  'bus',
  'enabled',
  'pattern',
  'transform',
  'deadLetter',
  'deadLetterQueue',
  'targets',
] as const;
export const TARGET_KEYS = [
  'id',
  'type',
  'config',
  'batch',
  'retry',
  'deadLetter',
  'deadLetterQueue',
  'concurrency',
] as const;
export const BUS_ROOT_KEYS = ['$schema', 'format', 'name', 'description', 'storeEvents'] as const;

/** The id of a rule or bus file from its path: `flows/cvm.rule.json` -> `cvm`. */
export function resourceIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(rule|bus)\.json$/, '');
}
