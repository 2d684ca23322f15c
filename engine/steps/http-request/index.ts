/**
 * @module HTTP Request: calls an HTTP endpoint and outputs its answer.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import type { StepOutput } from '../../core/message.js';
import {
  readBoolean,
  readEnum,
  readInteger,
  readString,
  readVariableName,
  variableNameSchema,
} from '../config-values.js';
import { HTTP_METHODS } from '../http/index.js';
import { requestFailure } from './failure.js';
import { BODY_TYPES, prepareRequest } from './request.js';
import { RESPONSE_TYPES, decodeBody, responseHeaders, statusError } from './response.js';
import type { HttpResponseData } from './response.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** When the step sends the step attempt's idempotency key: in durable flows (the default), always, never. */
export const IDEMPOTENCY_KEY_MODES = ['durable', 'always', 'never'] as const;
export const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const MAX_TIMEOUT_MS = 600_000;

/** The schema of an HTTP Request step's config. */
export const httpRequestConfigSchema = {
  type: 'object',
  properties: {
    method: {
      type: 'string',
      title: 'Method',
      description: 'The HTTP method.',
      enum: HTTP_METHODS,
      default: 'GET',
    },
    url: {
      type: 'string',
      title: 'URL',
      description: 'The absolute `http` or `https` URL, e.g. `https://api.example.com/v1/orders`.',
    },
    headers: {
      type: 'object',
      title: 'Headers',
      description: 'Request headers by name.',
      additionalProperties: { type: 'string' },
      'x-widget': 'key-value',
    },
    query: {
      type: 'object',
      title: 'Query',
      description: 'Query parameters by name, URL-encoded, appended to the URL; null values are skipped.',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
      'x-widget': 'key-value',
    },
    body: {
      title: 'Body',
      description: 'The request body, encoded as `bodyType` says. Not allowed with GET and HEAD.',
      'x-widget': 'json',
    },
    bodyType: {
      type: 'string',
      title: 'Body type',
      description: '`json` sends objects as JSON, `text` sends text, `form` sends an object URL-encoded.',
      enum: BODY_TYPES,
      default: 'json',
    },
    timeoutMs: {
      type: 'integer',
      title: 'Timeout (ms)',
      description: 'How long to wait for the complete answer before failing with `HTTP:TIMEOUT`.',
      minimum: 1,
      maximum: MAX_TIMEOUT_MS,
      default: DEFAULT_TIMEOUT_MS,
    },
    responseType: {
      type: 'string',
      title: 'Response type',
      description: '`auto` parses JSON when the content type says so, `json` always parses, `text` never.',
      enum: RESPONSE_TYPES,
      default: 'auto',
    },
    outputVariable: variableNameSchema({
      title: 'Output variable',
      description: 'When set, the answer goes to this variable and the payload is left unchanged.',
      'x-variable': 'set',
    }),
    failOnStatus: {
      type: 'boolean',
      title: 'Fail on error status',
      description: 'Raise `HTTP:STATUS` when the status is not 2xx; when false, any status is an answer.',
      default: true,
    },
    sendIdempotencyKey: {
      type: 'string',
      title: 'Send idempotency key',
      description:
        "When to send the step attempt's idempotency key (`executionId:stepId:attempt`, the same when a " +
        'durable execution re-runs the step after a crash): `durable` in durable flows, `always`, `never`.',
      enum: IDEMPOTENCY_KEY_MODES,
      default: 'durable',
      'x-expression': false,
    },
    idempotencyKeyHeader: {
      type: 'string',
      title: 'Idempotency key header',
      description: 'The header the key goes in; a header of that name in `headers` wins.',
      pattern: '^[!#$%&\'*+.^_`|~0-9A-Za-z-]+$',
      default: DEFAULT_IDEMPOTENCY_HEADER,
      'x-expression': false,
    },
  },
  required: ['url'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of an HTTP Request step, after expressions are evaluated. */
export type HttpRequestConfig = ConfigOf<typeof httpRequestConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "create-ticket",',
  '  "type": "http-request",',
  '  "config": {',
  '    "method": "POST",',
  '    "url": "https://tickets.example.com/api/tickets",',
  '    "headers": { "Authorization": "Bearer 0123456789" },',
  '    "query": { "notify": true },',
  '    "body": { "$expr": "{ \\"title\\": payload.alarmName, \\"severity\\": payload.severity }" },',
  '    "timeoutMs": 5000,',
  '    "outputVariable": "ticket"',
  '  }',
  '}',
  '```',
];

/** `http-request`: one request with the global fetch, bounded by `timeoutMs` and the execution's signal. */
export const httpRequestStep = defineStep<HttpRequestConfig>({
  type: 'http-request',
  title: 'HTTP Request',
  category: 'http',
  keywords: ['call', 'api', 'rest', 'fetch', 'webhook', 'post', 'get'],
  i18n: {
    'zh-CN': {
      title: 'HTTP 请求',
      description: [
        '发送 HTTP 请求并输出应答：调用 REST API、推送 webhook、下载文件。',
        '',
        '`query` 的各项经 URL 编码后追加到 URL。`bodyType` 为 `json` 时，对象或数组请求体以 JSON 发送，并带',
        '`content-type: application/json`（除非 `headers` 另行设置），字符串原样发送；`text` 发送文本；`form` 把',
        '对象编码为 `application/x-www-form-urlencoded`。',
        '',
        '应答成为消息体（`responseType` 为 `auto` 时，内容类型表明是 JSON 则解析），`attributes` 成为',
        '`{ "statusCode", "headers" }`。设置 `outputVariable` 时，应答改为以 `{ "status", "headers", "body" }`',
        '存入 `vars.<outputVariable>`，消息的其余部分不变。响应头名称为小写。',
        '',
        '可由 Try 捕获的错误：非 2xx 应答为 `HTTP:STATUS`（除非 `failOnStatus` 为 false；`details` 含 `status`、',
        '`headers` 和 `body` 的前 4 KB），无法连接服务器为 `HTTP:CONNECTIVITY`（`details.code`，例如',
        '`ECONNREFUSED`），以及 `HTTP:TIMEOUT`、`HTTP:CANCELLED`，`responseType` 为 `json` 而应答体不是 JSON 时为',
        '`HTTP:PARSE`，URL 或配置值有误时为 `VALIDATION`。错误信息写明方法和不含查询字符串的 URL。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        method: { title: '请求方法', description: 'HTTP 方法。' },
        url: {
          title: '请求地址',
          description: '绝对的 `http` 或 `https` URL，例如 `https://api.example.com/v1/orders`。',
        },
        headers: { title: '请求头', description: '按名称给出的请求头。' },
        query: { title: '查询参数', description: '按名称给出的查询参数，经 URL 编码后追加到 URL；值为 null 的参数跳过。' },
        body: { title: '请求体', description: '请求体，按 `bodyType` 编码。GET 和 HEAD 请求不能带请求体。' },
        bodyType: { title: '请求体格式', description: '`json` 把对象以 JSON 发送，`text` 发送文本，`form` 把对象按 URL 编码发送。' },
        timeoutMs: { title: '超时（毫秒）', description: '等待完整应答的时长，超时则以 `HTTP:TIMEOUT` 失败。' },
        responseType: { title: '应答格式', description: '`auto` 在内容类型表明是 JSON 时解析，`json` 总是解析，`text` 从不解析。' },
        outputVariable: { title: '输出变量', description: '设置后，应答存入这个变量，消息体保持不变。' },
        failOnStatus: { title: '错误状态码时失败', description: '状态码不是 2xx 时抛出 `HTTP:STATUS`；为 false 时任何状态码都作为应答。' },
        sendIdempotencyKey: {
          title: '发送幂等键',
          description: '何时发送本次步骤尝试的幂等键（`executionId:stepId:attempt`，持久化执行在崩溃后重新运行该步骤时不变）：`durable` 仅在持久化流程中发送，`always` 总是发送，`never` 从不发送。',
        },
        idempotencyKeyHeader: { title: '幂等键请求头', description: '幂等键所在的请求头；`headers` 中有同名请求头时以它为准。' },
      },
    },
  },
  kind: 'action',
  sideEffects: true,
  description: [
    'Sends an HTTP request and outputs the answer: calls a REST API, posts to a webhook, fetches a file.',
    '',
    '`query` entries are URL-encoded and appended to the URL. With `bodyType` `json`, an object or array',
    'body is sent as JSON with `content-type: application/json` (unless `headers` sets one) and a string as',
    'it is; `text` sends text; `form` encodes an object as `application/x-www-form-urlencoded`.',
    '',
    'The answer becomes the payload (JSON parsed when the content type says JSON, with `responseType`',
    '`auto`), and `attributes` become `{ "statusCode", "headers" }`. With `outputVariable`, the answer goes',
    'to `vars.<outputVariable>` as `{ "status", "headers", "body" }` instead, and the message is otherwise',
    'unchanged. Response header names are in lower case.',
    '',
    'Errors, for a Try to catch: `HTTP:STATUS` for a non-2xx answer (unless `failOnStatus` is false;',
    '`details` hold `status`, `headers` and the first 4 KB of `body`), `HTTP:CONNECTIVITY` when the',
    'server cannot be reached (`details.code`, e.g. `ECONNREFUSED`), `HTTP:TIMEOUT`, `HTTP:CANCELLED`,',
    '`HTTP:PARSE` for a body that is not JSON with `responseType` `json`, and `VALIDATION` for a bad',
    'URL or config value. Error messages name the method and the URL without its query string.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: httpRequestConfigSchema,
  errors: [
    { type: 'HTTP:STATUS', description: 'The server answered with a status other than 2xx.' },
    { type: 'HTTP:CONNECTIVITY', description: 'The server could not be reached: refused, not found, reset.' },
    { type: 'HTTP:TIMEOUT', description: 'No complete answer within `timeoutMs`.' },
    { type: 'HTTP:CANCELLED', description: 'The execution was cancelled while the request ran.' },
    { type: 'HTTP:PARSE', description: 'With `responseType` `json`, the body is not JSON.' },
    { type: 'VALIDATION', description: 'A bad URL or config value, e.g. an expression gave the wrong type.' },
  ],
  async execute({ config, message, signal, idempotencyKey, execution }) {
    const request = prepareRequest(config);
    const sendKey = readEnum(config.sendIdempotencyKey ?? 'durable', 'sendIdempotencyKey', IDEMPOTENCY_KEY_MODES);
    const keyHeader = readString(config.idempotencyKeyHeader ?? DEFAULT_IDEMPOTENCY_HEADER, 'idempotencyKeyHeader');
    const wanted = sendKey === 'always' || (sendKey === 'durable' && execution === 'durable');
    if (wanted && idempotencyKey && !request.headers.has(keyHeader)) request.headers.set(keyHeader, idempotencyKey);
    const timeoutMs = readInteger(config.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs', 1, MAX_TIMEOUT_MS);
    const responseType = readEnum(config.responseType ?? 'auto', 'responseType', RESPONSE_TYPES);
    const failOnStatus = readBoolean(config.failOnStatus ?? true, 'failOnStatus');
    const outputVariable =
      config.outputVariable == null ? undefined : readVariableName(config.outputVariable, 'outputVariable');

    const timeout = AbortSignal.timeout(timeoutMs);
    let answer: Response;
    let text: string;
    try {
      answer = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.any([signal, timeout]),
      });
      text = await answer.text();
    } catch (thrown) {
      throw requestFailure(thrown, request.label, { cancel: signal, timeout }, timeoutMs);
    }
    if (failOnStatus && (answer.status < 200 || answer.status > 299)) {
      throw statusError(request.label, answer.status, answer.headers, text);
    }
    const response: HttpResponseData = {
      status: answer.status,
      headers: responseHeaders(answer.headers),
      body: decodeBody(text, answer.headers.get('content-type'), responseType, request.label),
    };
    return outputVariableOutput(response, message.vars, outputVariable);
  },
});

function outputVariableOutput(
  response: HttpResponseData,
  vars: Record<string, unknown>,
  outputVariable: string | undefined,
): StepOutput {
  if (outputVariable) return { vars: { ...vars, [outputVariable]: response } };
  return { payload: response.body, attributes: { statusCode: response.status, headers: response.headers } };
}
