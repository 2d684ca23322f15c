/**
 * @module Event sources (public API): source types, the manager that runs the source files, the URL
 * callback source, and the helpers queue connectors build on.
 */
export type * from './types.js';
export { SOURCE_FORMAT, SOURCE_FILE_SUFFIX, type SourceDocument } from './format.js';
export { SourceManager, type SourceManagerOptions, type SourceView } from './source-manager.js';
export { generateSourceSchema, parseSourceText, validateSource, SOURCE_SCHEMA_ID } from './validate.js';
export { formatSource } from './canonical.js';
export { createUrlCallbackSource, URL_CALLBACK_TYPE, type UrlCallbackConfig } from './url-callback.js';
export { keepConnected, reconnectDelay, DEFAULT_RECONNECT, type BrokerSession, type ReconnectPolicy } from './reconnect.js';
export { readBindingMessage, wrapMessage, fillTemplate, type WrapFields } from './binding.js';
export { IdLedger } from './id-ledger.js';
