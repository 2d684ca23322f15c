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

/** The first message's attributes, in every language of the description. */
const ATTRIBUTES_EXAMPLE = [
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
];

/** The config example, in every language of the description. */
const EXAMPLE = [
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
];

/** `http`: the server routes matching requests to the flow; the runtime has nothing to execute. */
export const httpTrigger = defineStep<HttpTriggerConfig>({
  type: 'http',
  title: 'HTTP',
  category: 'trigger',
  keywords: ['webhook', 'endpoint', 'api', 'request', 'server'],
  i18n: {
    'zh-CN': {
      title: 'HTTP 请求触发',
      description: [
        '在 flowbus 服务器的某个路径收到 HTTP 请求时启动流程，并以结果应答。',
        '',
        '`path` 可以含 `{name}` 参数，并可以以 `*` 结尾匹配路径的其余部分：`/orders/{orderId}`、`/files/*`。',
        '方法不在 `methods` 中的请求得到 `405`，`ipAllowList` 之外的调用方得到 `403`，身份验证失败得到 `401`，',
        '这些都在流程启动之前完成。',
        '',
        '流程的第一条消息以请求体作为 `payload`（JSON 会被解析，表单为对象，其他文本为字符串，没有请求体时为',
        '`null`），`vars` 为空，`attributes` 如下：',
        '',
        ...ATTRIBUTES_EXAMPLE,
        '',
        '`sync` 模式下，流程结束后调用方收到 `response.status`、`response.headers` 和 `response.body`（默认为最终的',
        '消息体）；没有被 Try 处理的错误应答 `500` 和 `{ "error": { "type", "message", "step" } }`。`async` 模式下，',
        '调用方立即收到 `202` 和 `{ "executionId": "..." }`。响应头名称须为 HTTP token，值不能含换行；状态码不能用',
        '`$template`（它得到的是文本）。测试运行会返回它将发送的应答。',
        '',
        '身份验证从 `http-auth` 连接读取密钥：`basic` 检查 `username` 和 `password`，`bearer` 检查 `token`，`hmac`',
        '检查签名请求头是否为原始请求体以 `secret` 计算的十六进制 HMAC-SHA256（可带或不带 `sha256=` 前缀）。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        path: { title: '路径', description: '以 `/` 开头；`{name}` 段写入 `attributes.params.name`；末尾的 `*` 匹配其余部分。' },
        methods: { title: '请求方法', description: '可以启动流程的 HTTP 方法。' },
        response: { title: '应答', description: '返回给调用方的内容；`status`、`headers` 和 `body` 基于最后一条消息求值。' },
        'response.mode': { title: '应答模式', description: '`sync` 在流程结束时应答；`async` 先应答 `202 Accepted`，再运行流程。' },
        'response.status': { title: '状态码', description: '成功时应答的 HTTP 状态码。' },
        'response.headers': { title: '响应头', description: '按名称给出的响应头；名称须为 HTTP token，值为不含换行的文本。' },
        'response.body': { title: '响应体', description: '响应体；不填时为最终的消息体。对象和数组以 JSON 发送。' },
        auth: { title: '身份验证', description: '调用方如何证明身份；在流程启动前检查，因此每个字段都须为字面值。' },
        'auth.type': {
          title: '验证方式',
          description: '`basic` 和 `bearer` 检查 Authorization 请求头；`hmac` 检查请求体签名。',
        },
        'auth.connection': {
          title: '连接',
          description: '存放 `username` 和 `password`（basic）、`token`（bearer）或 `secret`（hmac）的 `http-auth` 连接。验证方式不是 `none` 时必填。',
        },
        'auth.header': { title: '签名请求头', description: '用于 `hmac`：存放签名的请求头。' },
        ipAllowList: { title: 'IP 白名单', description: '允许调用的地址或 CIDR 网段（IPv4 或 IPv6）；不填时任何来源都可调用。' },
      },
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
    ...ATTRIBUTES_EXAMPLE,
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
    ...EXAMPLE,
  ].join('\n'),
  config: httpTriggerConfigSchema,
});
