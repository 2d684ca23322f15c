/**
 * @module The shapes of CloudEvents ingest: the event as the bus keeps it and the per-event parse outcome.
 */

/**
 * One event as the bus keeps it: context attributes with their JSON values, plus data.
 *
 * `time` is an RFC 3339 string, or a number of milliseconds since the epoch when the sender used the
 * vendor's millisecond form (a numeric string such as `"1615430559146"` is kept as that number).
 */
export interface BusEvent {
  specversion: string;
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string | number;
  datacontenttype?: string;
  dataschema?: string;
  /** A JSON value, or a string for text data (a non-JSON `datacontenttype`). */
  data?: unknown;
  /** Binary data, Base64-encoded (RFC 4648). */
  data_base64?: string;
  /** region, resource, tags, status and any other extension. */
  [extension: string]: unknown;
}

/** The outcome for one event of a request: accepted with its event, or rejected with why and where. */
export type ParsedEvent =
  | { ok: true; event: BusEvent }
  | { ok: false; index: number; reason: string; pointer?: string };

export interface ParseOptions {
  /** Largest accepted event, in UTF-8 bytes of its structured JSON form; default 65536. */
  maxEventBytes: number;
  /** Nesting of objects and arrays allowed in a body (and in a PutEvents `Data` string); default 128. */
  maxDepth: number;
}

/** How a request carried its events. */
export type IngestMode = 'structured' | 'binary' | 'batch' | 'put-events';

/**
 * What `parseHttpEvents` answers: the mode and one outcome per event (and a PutEvents request's non-empty
 * string `EventBusId`), or why the request holds no event.
 */
export type HttpParseResult =
  | { mode: IngestMode; events: ParsedEvent[]; eventBusId?: string }
  | { mode: 'invalid'; reason: string };

/** The default per-event size limit: 64 KiB, the size every CloudEvents intermediary must forward. */
export const DEFAULT_MAX_EVENT_BYTES = 65536;

/** HTTP request headers as Node gives them (names in any case). */
export type HttpHeaders = Record<string, string | string[] | undefined>;
