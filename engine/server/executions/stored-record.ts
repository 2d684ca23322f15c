/**
 * @module What the history keeps of an execution: bounded in size, credentials masked, secrets redacted.
 */
import type { Message } from '../../core/message.js';
import { copyRecord } from '../../core/record-copy.js';
import { measureValue, type SizeMemo } from '../../core/value-size.js';
import { REDACTED, type Redactor } from '../../logging/redact.js';
import { summarizeMessage, summarizeValue, SUMMARY_LIMIT } from '../../runtime/summary.js';
import type { ExecutionInput, ExecutionRecord, StepTrace } from '../../runtime/types.js';
import type { StoredExecution } from '../../store/types.js';

/** Request headers that carry credentials; their values are never kept. */
export const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

function maskHeaders(attributes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const headers = attributes?.headers;
  if (!attributes || typeof headers !== 'object' || headers === null) return attributes;
  let masked: Record<string, unknown> | undefined;
  for (const name of Object.keys(headers)) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    masked ??= { ...(headers as Record<string, unknown>) };
    masked[name] = REDACTED;
  }
  return masked ? { ...attributes, headers: masked } : attributes;
}

function keptInput(input: ExecutionInput, limit: number, memo: SizeMemo): ExecutionInput {
  const kept: ExecutionInput = { payload: summarizeValue(input.payload, limit, memo) };
  if (input.attributes) kept.attributes = maskHeaders(input.attributes);
  if (input.vars) kept.vars = summarizeValue(input.vars, limit, memo) as Record<string, unknown>;
  return kept;
}

function keptMessage(message: Message, limit: number, memo: SizeMemo): Message {
  const kept: Message = {
    payload: summarizeValue(message.payload, limit, memo),
    attributes: maskHeaders(message.attributes) ?? {},
    vars: summarizeValue(message.vars, limit, memo) as Record<string, unknown>,
  };
  if (message.error) kept.error = message.error;
  return kept;
}

/** How a record is kept: each value summarized to `summaryLimit`, the whole record within `recordBytes`. */
export interface RecordBounds {
  /** Largest stored record, about its JSON size (`limits.recordBytes`). */
  recordBytes: number;
}

/** Default: 1 MB, as `limits.recordBytes`. */
export const DEFAULT_RECORD_BOUNDS: RecordBounds = { recordBytes: 1024 * 1024 };

/** The smallest preview a value is cut to when a record must shrink. */
const MIN_SUMMARY = 256;

/** A step's trace entry with its output summarized; copied as `{ ...step, output }` would, without its slow path. */
function keptStep(step: StepTrace, summary: number, memo: SizeMemo): StepTrace {
  if (!step.output) return step;
  const kept = copyRecord(step);
  kept.output = summarizeMessage(step.output as Message, summary, memo);
  return kept;
}

function build(record: ExecutionRecord, origin: Origin, summary: number, memo: SizeMemo): StoredExecution {
  // The record's own keys in their order, then `trigger`, as a spread gives them.
  const stored = copyRecord(record) as StoredExecution;
  const steps: StepTrace[] = new Array(record.steps.length);
  for (let index = 0; index < steps.length; index++) steps[index] = keptStep(record.steps[index]!, summary, memo);
  stored.steps = steps;
  stored.input = keptInput(record.input, summary, memo);
  stored.trigger = origin.trigger;
  if (record.result) stored.result = keptMessage(record.result, summary, memo);
  if (origin.flowVersion) stored.flowVersion = origin.flowVersion;
  return stored;
}

/** Keeps the first and last `keep / 2` items of a list; says how many were left out in between. */
function keepEnds<T>(items: T[], keep: number): { items: T[]; left: number } {
  if (items.length <= keep) return { items, left: 0 };
  const head = Math.ceil(keep / 2);
  const kept = [...items.slice(0, head), ...items.slice(items.length - (keep - head))];
  return { items: kept, left: items.length - keep };
}

type Origin = { trigger: string; flowVersion?: string };

/**
 * The history entry of a record: payloads summarized like step outputs, credential headers masked, every
 * known connection secret redacted wherever it appears, and the whole within `bounds.recordBytes`: values
 * are cut to shorter previews first, then step outputs, then steps and logs in the middle are left out;
 * `elided.record` says what was done.
 */
export function toStoredExecution(
  record: ExecutionRecord,
  origin: Origin,
  redactor: Redactor,
  bounds: RecordBounds = DEFAULT_RECORD_BOUNDS,
): StoredExecution {
  const memo: SizeMemo = new WeakMap();
  const limit = bounds.recordBytes;
  // The memo holds the sizes the summaries measured: checking the whole record revisits none of them.
  const fits = (value: StoredExecution) => measureValue(value, limit, memo) <= limit;
  // Shares of the bound: each kept step output and the input and result get about the same room.
  const share = Math.floor(limit / (4 * (record.steps.length + 3)));
  const summary = Math.max(MIN_SUMMARY, Math.min(SUMMARY_LIMIT, share));
  let stored = build(record, origin, summary, memo);
  if (!fits(stored)) {
    const done: string[] = [];
    stored = { ...stored, steps: stored.steps.map(({ output: _output, config: _config, ...step }) => step) };
    done.push('step outputs and configs');
    if (!fits(stored)) {
      const steps = keepEnds(stored.steps, 20);
      const logs = keepEnds(stored.logs, 20);
      stored = { ...stored, steps: steps.items, logs: logs.items };
      done.push(`${steps.left} steps and ${logs.left} log entries in the middle`);
    }
    if (!fits(stored)) {
      stored = { ...stored, steps: [], logs: [], input: keptInput(record.input, MIN_SUMMARY, memo) };
      if (record.result) stored.result = keptMessage(record.result, MIN_SUMMARY, memo);
      done.push('every step and log entry');
    }
    stored.elided = { ...stored.elided, record: { recordBytes: limit, left: done } };
  }
  return redactor.redactValue(stored);
}
