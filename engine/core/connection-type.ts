/**
 * @module Connection types: the shape of named credentials a connector uses (a webhook URL and secret,
 * SMTP host and password, ...), with secret fields marked so the store encrypts and redacts them.
 */
import type { JsonSchema } from './json-schema.js';

/**
 * One kind of connection config. Fields marked `'x-secret': true` in `schema` are encrypted at rest,
 * never returned by the API and redacted in traces and logs.
 *
 * @example
 * export const wecomConnection: ConnectionTypeDefinition = {
 *   type: 'wecom-robot', title: 'WeCom group robot', description: 'A group robot webhook.',
 *   schema: { type: 'object', properties: { webhook: { type: 'string', 'x-secret': true } }, required: ['webhook'] },
 * };
 */
export interface ConnectionTypeDefinition {
  type: string;
  title: string;
  description: string;
  schema: JsonSchema;
}

/** Names of the secret fields of a connection type; for an unknown type every field counts as secret. */
export function secretFields(definition: ConnectionTypeDefinition | undefined, values: Record<string, unknown>): string[] {
  if (!definition) return Object.keys(values);
  return Object.entries(definition.schema.properties ?? {})
    .filter(([, property]) => property['x-secret'] === true)
    .map(([name]) => name);
}
