/**
 * @module Structured logs: one JSON line per event, filtered by level, with every known secret redacted.
 */
import { FlowbusError } from '../core/errors.js';
import type { Redactor } from './redact.js';

/** Levels of a log line, lowest first. */
export const LOG_LEVEL_NAMES = ['debug', 'info', 'warn', 'error'] as const;

export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** A logger's threshold: a level, or `silent` for no output at all. */
export type LogThreshold = LogLevelName | 'silent';

/** Extra fields of a log line. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogThreshold;
  /** Whether a line at `level` would be written; check it before building costly fields. */
  enabled(level: LogLevelName): boolean;
  log(level: LogLevelName, message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Lines below it are dropped; default `info`. */
  level?: LogThreshold;
  /** Receives each line without its newline; default: standard output. */
  write?: (line: string) => void;
  redactor?: Redactor;
  /** Fields on every line. */
  fields?: LogFields;
  /** Longest line written (`limits.logLineBytes`); a longer one keeps its start, cut, and says so. */
  maxLineBytes?: number;
}

const RANK: Record<LogThreshold, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** The fields to log for something thrown: type and message, plus the stack of an unexpected error. */
export function errorFields(thrown: unknown): LogFields {
  if (thrown instanceof FlowbusError) return { errorType: thrown.type, error: thrown.message };
  if (thrown instanceof Error) return { errorType: thrown.name, error: thrown.message, stack: thrown.stack };
  return { error: String(thrown) };
}

function serialize(value: LogFields): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'bigint' ? item.toString() : item instanceof Error ? errorFields(item) : item,
    );
  } catch {
    // A cyclic field must not cost the line.
    const { time, level, msg } = value;
    return JSON.stringify({ time, level, msg, unserializableFields: true });
  }
}

/** Longest line by default, as `limits.logLineBytes`. */
export const DEFAULT_MAX_LINE = 16 * 1024;

/** A line cut to `max`: still one JSON object, with the start of the full line in `cut` and its length. */
function cutLine(line: string, max: number, head: { time: string; level: string; msg: string }): string {
  const room = Math.max(0, Math.floor((max - 200) / 2));
  const msg = head.msg.length > room ? `${head.msg.slice(0, room)}...` : head.msg;
  const cut = line.slice(0, Math.max(0, room - msg.length));
  return JSON.stringify({ ...head, msg, cut, lineBytes: line.length, limit: 'limits.logLineBytes' });
}

/**
 * Creates a logger writing one JSON object per line: `time` (ISO), `level`, `msg`, then the fields.
 *
 * @example
 * const logger = createLogger({ level: 'debug' });
 * logger.child({ flowId: 'echo' }).info('flow published', { version: '3f2a' });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const threshold = RANK[level];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const redactor = options.redactor;
  const base = options.fields ?? {};
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE;

  function log(lineLevel: LogLevelName, message: string, fields?: LogFields): void {
    if (RANK[lineLevel] < threshold) return;
    const time = new Date().toISOString();
    let line = serialize({ time, level: lineLevel, msg: message, ...base, ...fields });
    if (line.length > maxLine) line = cutLine(line, maxLine, { time, level: lineLevel, msg: message });
    write(redactor ? redactor.redactText(line) : line);
  }

  return {
    level,
    enabled: (lineLevel) => RANK[lineLevel] >= threshold,
    log,
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}
