/**
 * @module Fills a config object's missing top-level fields with the defaults its schema declares.
 */
import type { JsonSchema } from '../core/json-schema.js';

/** Returns a copy of `config` with each absent property that has a schema `default` set to that default. */
export function applyDefaults(schema: JsonSchema, config: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...config };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (result[name] === undefined && property.default !== undefined) {
      result[name] = structuredClone(property.default);
    }
  }
  return result;
}
