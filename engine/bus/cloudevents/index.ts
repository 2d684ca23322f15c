/**
 * @module CloudEvents ingest for the event bus: parse HTTP requests in every mode, write events back out.
 */
export { parseHttpEvents, readsOtherHeaders } from './parse-http.js';
export {
  canonicalAttributes,
  dataKind,
  eventSize,
  structuredText,
  toStructuredJson,
  type DataKind,
} from './canonical.js';
export { PUT_EVENTS_DATACONTENTTYPE } from './put-events.js';
export {
  DEFAULT_MAX_EVENT_BYTES,
  type BusEvent,
  type HttpHeaders,
  type HttpParseResult,
  type IngestMode,
  type ParsedEvent,
  type ParseOptions,
} from './types.js';
