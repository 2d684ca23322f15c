/**
 * @module HTTP trigger: starts a flow for each request to a path on flowbus's server.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';

/** The HTTP methods a trigger can accept and an HTTP Request step can send. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

const SEGMENT = '(?:(?!\\.\\.?(?:/|$))[A-Za-z0-9._~-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\})';

/**
 * A trigger path: starts with `/`; segments are literals (`A-Z a-z 0-9 . _ ~ -`, not `.` or `..`) or
 * `{name}` parameters; an optional last segment `*` matches the rest of the path.
 */
export const HTTP_PATH_PATTERN = `^/(?:\\*|${SEGMENT}(?:/${SEGMENT})*(?:/\\*)?)?$`;

/** An HTTP header name: an RFC 9110 token. */
export const HEADER_NAME_PATTERN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

/** An HTTP header value: no control characters but tab (no line breaks, so no header can be smuggled in). */
export const HEADER_VALUE_PATTERN = '^[\\t\\x20-\\x7e\\x80-\\uffff]*$';

/** An IPv4 or IPv6 address, optionally with a `/prefix`; the server checks the exact syntax. */
export const IP_OR_CIDR_PATTERN = '^[0-9A-Fa-f:.]+(?:/[0-9]{1,3})?$';

const responseSchema = {
  type: 'object',
  title: 'Response',
  description: 'What the caller gets back; `status`, `headers` and `body` are evaluated on the last message.',
  properties: {
    mode: {
      type: 'string',
      title: 'Mode',
      description: '`sync` answers when the flow ends; `async` answers `202 Accepted`, then runs the flow.',
      enum: ['sync', 'async'],
      default: 'sync',
      'x-expression': false,
    },
    status: {
      type: 'integer',
      title: 'Status',
      description: 'The HTTP status of a successful answer.',
      minimum: 100,
      maximum: 599,
      default: 200,
      'x-expression': true,
    },
    headers: {
      type: 'object',
      title: 'Headers',
      description: 'Response headers by name; names are HTTP tokens, values text without line breaks.',
      propertyNames: {
        title: 'Header name',
        pattern: HEADER_NAME_PATTERN,
        'x-expected': "an HTTP token: letters, digits and !#$%&'*+.^_`|~- (no spaces, no colon)",
      },
      additionalProperties: {
        type: 'string',
        title: 'Header value',
        pattern: HEADER_VALUE_PATTERN,
        'x-expected': 'text without line breaks or other control characters',
      },
      'x-expression': true,
      'x-widget': 'key-value',
    },
    body: {
      title: 'Body',
      description: 'The response body; left out, the final payload. Objects and arrays are sent as JSON.',
      'x-expression': true,
    },
  },
  additionalProperties: false,
  'x-expression': false,
} as const satisfies JsonSchema;

const authSchema = {
  type: 'object',
  title: 'Authentication',
  description: 'How callers prove who they are; checked before the flow starts, so every field is a literal.',
  properties: {
    type: {
      type: 'string',
      title: 'Type',
      description: '`basic` and `bearer` check the Authorization header; `hmac` checks a body signature.',
      enum: ['none', 'basic', 'bearer', 'hmac'],
      default: 'none',
      'x-expression': false,
    },
    connection: {
      type: 'string',
      title: 'Connection',
      description:
        'The `http-auth` connection holding `username` and `password` (basic), `token` (bearer) or ' +
        '`secret` (hmac). Required unless the type is `none`.',
      'x-connection': 'http-auth',
      'x-expression': false,
    },
    header: {
      type: 'string',
      title: 'Signature header',
      description: 'For `hmac`: the request header holding the signature.',
      default: 'X-Signature',
      'x-expression': false,
    },
  },
  additionalProperties: false,
  'x-expression': false,
} as const satisfies JsonSchema;

/** The schema of an HTTP trigger's config. */
export const httpTriggerConfigSchema = {
  type: 'object',
  properties: {
    path: {
      type: 'string',
      title: 'Path',
      description:
        'Starts with `/`; `{name}` segments go to `attributes.params.name`; a last `*` takes the rest.',
      pattern: HTTP_PATH_PATTERN,
      examples: ['/alarms', '/orders/{orderId}', '/files/*'],
      'x-expression': false,
    },
    methods: {
      type: 'array',
      title: 'Methods',
      description: 'The HTTP methods that start the flow.',
      items: { type: 'string', enum: HTTP_METHODS },
      minItems: 1,
      default: ['POST'],
      'x-expression': false,
    },
    response: responseSchema,
    auth: authSchema,
    ipAllowList: {
      type: 'array',
      title: 'IP allow list',
      description: 'Addresses or CIDR ranges (IPv4 or IPv6) allowed to call; left out, anyone may call.',
      items: { type: 'string', pattern: IP_OR_CIDR_PATTERN },
      'x-expression': false,
    },
  },
  required: ['path'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of an HTTP trigger. */
export type HttpTriggerConfig = ConfigOf<typeof httpTriggerConfigSchema>;

/** `http`: the server routes matching requests to the flow; the runtime has nothing to execute. */
export const httpTrigger = defineStep<HttpTriggerConfig>({
  type: 'http',
  title: 'HTTP',
  category: 'trigger',
  keywords: ['webhook', 'endpoint', 'api', 'request', 'server'],
  i18n: {
    'zh-CN': {
      title: 'HTTP 请求触发',
      description: '在 flowbus 服务器的某个路径收到 HTTP 请求时启动流程，并以结果应答。',
    },
  },
  kind: 'trigger',
  defaultExecution: 'express',
  description: [
    'Starts the flow for each HTTP request to a path on the flowbus server, and answers with the result.',
    '',
    '`path` may hold `{name}` parameters and end with `*` for any rest of the path: `/orders/{orderId}`,',
    '`/files/*`. Requests with a method not in `methods` get `405`, callers outside `ipAllowList` get `403`,',
    'and failed authentication gets `401`, all before the flow starts.',
    '',
    "The flow's first message has the request body as `payload` (JSON parsed, a form as an object, other",
    'text as a string, no body as `null`), empty `vars`, and these `attributes`:',
    '',
    '```jsonc',
    '{',
    '  "method": "POST",',
    '  "path": "/orders/42",',
    '  "params": { "orderId": "42" },          // from {name} segments; "*" holds the rest of the path',
    '  "query": { "dryRun": "true" },',
    '  "headers": { "content-type": "application/json" }, // names in lower case',
    '  "remoteAddress": "203.0.113.7"',
    '}',
    '```',
    '',
    'In `sync` mode the caller gets `response.status`, `response.headers` and `response.body` (by default',
    'the final payload) once the flow ends; an error that no Try handles answers `500` with',
    '`{ "error": { "type", "message", "step" } }`. In `async` mode the caller gets `202` and',
    '`{ "executionId": "..." }` at once. Header names must be HTTP tokens and header values may not hold line',
    'breaks; a `$template` cannot be the status (it gives text). A test run returns the reply it would send.',
    '',
    'Authentication reads its secrets from an `http-auth` connection: `basic` checks `username` and',
    '`password`, `bearer` checks `token`, `hmac` checks that the signature header holds the hex',
    'HMAC-SHA256 of the raw body under `secret` (with or without a `sha256=` prefix).',
    '',
    '```json',
    '{',
    '  "id": "receive-order",',
    '  "type": "http",',
    '  "config": {',
    '    "path": "/orders/{orderId}",',
    '    "methods": ["POST", "PUT"],',
    '    "response": { "status": 201, "body": { "$expr": "{ \\"accepted\\": payload.id }" } },',
    '    "auth": { "type": "bearer", "connection": "shop-webhook" },',
    '    "ipAllowList": ["10.0.0.0/8", "2001:db8::/32"]',
    '  }',
    '}',
    '```',
  ].join('\n'),
  config: httpTriggerConfigSchema,
});
