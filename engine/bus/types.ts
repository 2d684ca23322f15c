/**
 * @module Public types of the event bus: target types, what a delivery carries, retry and dead-letter
 * policies.
 */
import type { JsonSchema } from '../core/json-schema.js';
import type { ValidationIssue } from '../core/issues.js';
import type { Clock, ConnectionResolver, StepTexts } from '../core/step-definition.js';
import type { ExecuteOptions, ExecutionInput, ExecutionRecord } from '../runtime/types.js';
import type { BusEvent } from './cloudevents/index.js';

/** What happens to a delivery that failed for good (the vendor's `DisposeMethod` names). */
export type DeadLetterPolicy = 'DLQ' | 'DROP' | 'IGNORE_ERROR';

/** How a failed delivery is retried: exponential backoff with full jitter, bounded by attempts and age. */
export interface RetryPolicy {
  /** Attempts in all, the first one included (1 = no retry). */
  maxAttempts: number;
  /** The backoff cap before the first retry; each further retry doubles it. */
  initialDelayMs: number;
  /** No backoff cap grows past this. */
  maxDelayMs: number;
  /** No attempt starts once the event was accepted this long ago. */
  maxAgeMs: number;
}

/** Batch delivery: up to `maxEvents` events, sent once that many wait or the oldest waited `maxWaitMs`. */
export interface BatchPolicy {
  maxEvents: number;
  maxWaitMs: number;
}

/** One event on its way to one target. */
export interface DeliveryItem {
  /** The event as accepted. */
  event: BusEvent;
  /** What the target receives: the rule's transform output, else the event's structured JSON form. */
  payload: unknown;
  /** Whether `payload` is the transform's output rather than the event. */
  transformed: boolean;
  bus: string;
  rule: string;
  /** Milliseconds since the epoch when the bus accepted the event. */
  acceptedAt: number;
}

/** Runs a published flow for a flow target; the server passes its execution runner here. */
export type RunFlow = (
  flowId: string,
  input: ExecutionInput,
  options: Pick<ExecuteOptions, 'signal' | 'executionId'> & { trigger: 'event' },
) => Promise<ExecutionRecord>;

/** Something that keeps events for search (the log store); targets write to it. */
export interface LogStoreWriter {
  append(items: readonly DeliveryItem[]): Promise<void>;
}

/** The services every target type may use; the bus fills them from its options. */
export interface BusServices {
  runFlow?: RunFlow;
  connections?: ConnectionResolver;
  logStore: LogStoreWriter;
  /** What webhooks are sent with; without it, node:http over a keep-alive agent (targets/http-send.ts). */
  fetch?: typeof fetch;
  clock: Clock;
}

/** What `deliver` receives besides the batch. */
export interface DeliveryContext<Config = Record<string, unknown>> {
  config: Config;
  /** Which rule and target this is, for messages. */
  target: { bus: string; rule: string; id: string; type: string };
  /** 1-based attempt number. */
  attempt: number;
  /** Aborted when the bus shuts down. */
  signal: AbortSignal;
  services: BusServices;
  /** When the target first deferred this delivery (see `deferDelivery`), if it did. */
  deferredAt?: number;
}

/** What a successful delivery reports for the trace (an execution id, an HTTP status, ...). */
export interface DeliveryReceipt {
  detail?: string;
  executionId?: string;
}

/**
 * A kind of target, registered like a step type. `deliver` gets one event, or several when the target has
 * batch delivery and `batching` is true; it throws a typed error (`FlowbusError`) when the delivery failed.
 * An error whose `details.retryable` is false is not retried.
 *
 * @example
 * const echo: TargetTypeDefinition = {
 *   type: 'echo', title: 'Echo', description: 'Prints the events.', config: { type: 'object' },
 *   deliver: async (batch) => { for (const item of batch) console.log(item.payload); },
 * };
 */
export interface TargetTypeDefinition<Config = any> {
  /** Stable kebab-case id used in rule files: `flow`, `webhook`, `log-store`. */
  type: string;
  title: string;
  /** Markdown; the first sentence is the short form. */
  description: string;
  /** Title, description and config fields' texts in other languages, by BCP 47 tag, as a step type has them. */
  i18n?: Record<string, TargetTypeTexts>;
  /** Schema of the target's `config` object in a rule file. */
  config: JsonSchema;
  /** The target accepts several events per call (batch delivery); default false. */
  batching?: boolean;
  /** The retry policy a target of this type has when the rule gives none. */
  defaultRetry?: Partial<RetryPolicy>;
  /**
   * Finds what the schema cannot (a time zone this runtime does not know, a template that does not compile,
   * a URL that does not parse); runs at rule load, at save and in `flowbus validate`, on a config that passed
   * the schema. Pointers are inside `config` (`/timeZone`).
   */
  check?(config: Config): TargetConfigIssue[];
  /**
   * Asks the target's system whether the config can work (a queue target: the exchange or the stream
   * exists), at rule load; resolves with what it refused, `[]` when well. Throws when the system cannot be
   * reached: the rule is loaded anyway, reported in health and asked again with backoff.
   */
  probe?(config: Config, services: TargetProbeServices): Promise<TargetProbeProblem[]>;
  deliver(batch: readonly DeliveryItem[], context: DeliveryContext<Config>): Promise<DeliveryReceipt | void>;
}

/** The texts of a target type in one more language: those of a step type without scopes. */
export type TargetTypeTexts = Omit<StepTexts, 'scopes'>;

/** A problem `check` found, with its pointer inside the target's `config`. */
export type TargetConfigIssue = Omit<ValidationIssue, 'file' | 'stepId'>;

/** What `probe` may use. */
export interface TargetProbeServices {
  connections?: ConnectionResolver;
  /** Aborted when the rule changes or the bus shuts down. */
  signal: AbortSignal;
}

/** What the target's system refused: the pointer inside `config` of the field it concerns, and its reason. */
export interface TargetProbeProblem {
  pointer: string;
  message: string;
}
