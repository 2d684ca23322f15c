/**
 * @module Public types of event sources: a source type (RabbitMQ, NATS, URL callback, ...) registered like a
 * target type, what a running source gets from the engine, and what it reports.
 */
import type { JsonSchema } from '../../core/json-schema.js';
import type { HealthState } from '../../core/health.js';
import type { ValidationIssue } from '../../core/issues.js';
import type { ConnectionResolver } from '../../core/step-definition.js';
import type { BusLog } from '../delivery/deps.js';
import type { BusEvent } from '../cloudevents/index.js';

/** What became of one message a source handed to the bus. */
export type IngestOutcome =
  | { status: 'accepted'; id: string }
  | { status: 'duplicate'; id: string }
  /** The bus refused the event for good (invalid, over size): reject it to the broker's dead-letter path. */
  | { status: 'rejected'; reason: string };

/** The bus's ingest path for sources: durable before it resolves, deduplicated by event id. */
export interface SourceIngest {
  /**
   * Accepts one event on the source's bus. Resolves `accepted` once the event is durable and its id is
   * remembered, `duplicate` when the bus already holds an event with that id; throws when the bus cannot take
   * it now (shutting down, disk error): the message must stay unacknowledged.
   */
  accept(event: BusEvent): Promise<IngestOutcome>;
  /** Counts a message that never became an event (not decodable) and logs why, for the broker's reject. */
  reject(reason: string, fields?: Record<string, unknown>): IngestOutcome;
  /** Largest event in bytes. */
  maxEventBytes: number;
}

/** A problem of a running source with the broker, reported against the source file. */
export interface SourceProblem {
  /** JSON pointer of the config field the broker refused (`/config/queue`), `''` when none applies. */
  pointer: string;
  /** The broker's reason, as it gave it. */
  message: string;
  /** Whether the source keeps trying (a broker away) or waits for a file change (refused config). */
  retrying: boolean;
}

/** What `start` receives. */
export interface SourceContext<Config = Record<string, unknown>> {
  /** The source id (its file name). */
  id: string;
  bus: string;
  config: Config;
  ingest: SourceIngest;
  connections?: ConnectionResolver;
  log: BusLog;
  /** Aborted when the source is stopped (file changed or deleted, server shutting down). */
  signal: AbortSignal;
  /** Reports the broker's state: a problem (degraded health, shown by the API), or `undefined` once well. */
  report(problem: SourceProblem | undefined): void;
  /** Marks the source connected (consuming) or not, for health and metrics. */
  connected(up: boolean): void;
}

/** A started source; `stop` stops consuming and closes its connections (unacked messages go back). */
export interface RunningSource {
  stop(): Promise<void>;
}

/**
 * A kind of source. `check` finds what the schema cannot (a URL that does not parse); `start` begins
 * consuming and keeps reconnecting until stopped.
 *
 * @example
 * const ticker: SourceTypeDefinition = {
 *   type: 'ticker', title: 'Ticker', description: 'An event a second.', config: { type: 'object' },
 *   start: (context) => { const timer = setInterval(() => void context.ingest.accept(tick()), 1000);
 *     return { stop: async () => clearInterval(timer) }; },
 * };
 */
export interface SourceTypeDefinition<Config = any> {
  type: string;
  title: string;
  /** Markdown; the first sentence is the short form. */
  description: string;
  config: JsonSchema;
  check?(config: Config): Array<Omit<ValidationIssue, 'file'>>;
  start(context: SourceContext<Config>): Promise<RunningSource> | RunningSource;
}

/** What the source manager takes besides the registry. */
export interface SourceServices {
  connections?: ConnectionResolver;
  health?: HealthState;
  log?: BusLog;
}
