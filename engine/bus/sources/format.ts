/**
 * @module What `*.source.json` files hold: a source of events for a bus (a queue, a URL callback, ...).
 */

/** The format tag of source files. */
export const SOURCE_FORMAT = 'flowbus/source@1';

export const SOURCE_FILE_SUFFIX = '.source.json';

/**
 * A source file. Its id is its file name without `.source.json`.
 *
 * @example
 * { "format": "flowbus/source@1", "name": "Orders from RabbitMQ", "type": "rabbitmq", "bus": "retail",
 *   "config": { "connection": "erp-rabbit", "queue": "orders" } }
 */
export interface SourceDocument {
  $schema?: string;
  format: typeof SOURCE_FORMAT;
  name: string;
  description?: string;
  type: string;
  /** The bus its events go to; default `default`. */
  bus?: string;
  /** Default true; a disabled source is validated but not started. */
  enabled?: boolean;
  config: Record<string, unknown>;
}

export const SOURCE_ROOT_KEYS = ['$schema', 'format', 'name', 'description', 'type', 'bus', 'enabled', 'config'];

/** The id of a source file from its path: `flows/orders.source.json` -> `orders`. */
export function sourceIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.slice(0, -SOURCE_FILE_SUFFIX.length);
}
