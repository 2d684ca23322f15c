/**
 * @module Reading connector config and connection values at run time, with VALIDATION errors that name
 * the field but never repeat a value (it may be a secret).
 */
import {
  FlowbusError,
  invalidConfig,
  readString,
  type ConnectionTypeDefinition,
  type JsonSchema,
  type StepContext,
} from '../../engine/sdk.js';

/** The `VALIDATION` entry of a connector step's `errors`: what its config and connection readers raise. */
export const VALIDATION_ERROR = { type: 'VALIDATION', description: 'A bad config or connection value.' };

/** A list of strings; a single string counts as a list of one, null or absent as an empty list. */
export function readStringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidConfig(field, 'a string or a list of strings', value);
  }
  return value as string[];
}

/** The schema of a step's `connection` field: a literal connection name of `connectorType`. */
export function connectionFieldSchema(connectorType: string, title: string) {
  return {
    type: 'string',
    title: 'Connection',
    description: `The name of a ${title} connection config (holding the webhook and secrets).`,
    minLength: 1,
    'x-connection': connectorType,
    'x-expression': false,
    'x-order': 0,
  } as const satisfies JsonSchema;
}

/** The schema of a list-of-strings field. */
export function stringListSchema(title: string, description: string) {
  return { type: 'array', title, description, items: { type: 'string' } } as const satisfies JsonSchema;
}

/** The connection's values, looked up by the name in `config.connection`. */
export async function readConnection(
  context: StepContext<{ connection?: unknown }>,
  connectorType: string,
): Promise<{ name: string; values: Record<string, unknown> }> {
  const name = readString(context.config.connection, 'connection');
  return { name, values: await context.connections.get(name, connectorType) };
}

/** The VALIDATION error for a bad connection value; the value is not quoted. */
export function invalidConnection(name: string, field: string, expected: string): FlowbusError {
  return new FlowbusError('VALIDATION', `connection "${name}": ${field} must be ${expected}`, {
    connection: name,
    field,
    expected,
  });
}

/** What describes a webhook robot's connection type besides its webhook field. */
export interface WebhookConnectionSpec {
  type: string;
  title: string;
  description: string;
  /** The webhook URL as the vendor shows it, for the field's description: `https://.../send?key=...`. */
  webhookExample: string;
  /** The signing secret field, where the robot has one. */
  secret?: { description: string; pattern?: string };
}

/**
 * A webhook robot's connection type: the webhook URL (secret: it lets anyone post) and, where the robot
 * signs, its signing secret; read with {@link readWebhook} and {@link readOptionalSecret}.
 *
 * @example
 * webhookConnectionType({ type: 'wecom-robot', title: 'WeCom group robot', description, webhookExample });
 */
export function webhookConnectionType(spec: WebhookConnectionSpec): ConnectionTypeDefinition {
  const { type, title, description, webhookExample, secret } = spec;
  const properties: Record<string, JsonSchema> = {
    webhook: {
      type: 'string',
      title: 'Webhook URL',
      description: `The full URL, e.g. \`${webhookExample}\`.`,
      'x-secret': true,
    },
  };
  if (secret) {
    const pattern = secret.pattern ? { pattern: secret.pattern } : {};
    properties.secret = {
      type: 'string',
      title: 'Signing secret',
      description: secret.description,
      ...pattern,
      'x-secret': true,
    };
  }
  return {
    type,
    title,
    description,
    schema: { type: 'object', properties, required: ['webhook'], additionalProperties: false },
  };
}

/** A connection's webhook: an absolute http or https URL. */
export function readWebhook(values: Record<string, unknown>, name: string): URL {
  const text = values.webhook;
  const expected = 'an absolute http or https URL';
  if (typeof text !== 'string' || !URL.canParse(text)) throw invalidConnection(name, 'webhook', expected);
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidConnection(name, 'webhook', expected);
  }
  return url;
}

/** An optional secret string of a connection; empty counts as absent. */
export function readOptionalSecret(
  values: Record<string, unknown>,
  name: string,
  field: string,
): string | undefined {
  const value = values[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidConnection(name, field, 'a string');
  return value;
}
