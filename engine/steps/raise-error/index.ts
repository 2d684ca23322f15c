/**
 * @module Raise Error: fails the flow (or jumps to a Catch) with a typed error.
 */
import { FlowbusError } from '../../core/errors.js';
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import { readObject, readString } from '../config-values.js';

/** `NAMESPACE:NAME` or `NAME`: upper-case letters, digits and `_`, each part starting with a letter. */
export const ERROR_TYPE_PATTERN = '^[A-Z][A-Z0-9_]*(:[A-Z][A-Z0-9_]*)?$';

/** The namespace given to an error type written without one. */
export const CUSTOM_NAMESPACE = 'CUSTOM';

const ERROR_TYPE = new RegExp(ERROR_TYPE_PATTERN);

/** The schema of a Raise Error step's config. */
export const raiseErrorConfigSchema = {
  type: 'object',
  properties: {
    errorType: {
      type: 'string',
      title: 'Error type',
      description:
        '`NAMESPACE:NAME` or `NAME` (upper-case letters, digits, `_`); a bare `NAME` becomes ' +
        '`CUSTOM:NAME`.',
      pattern: ERROR_TYPE_PATTERN,
      'x-expression': false,
    },
    message: {
      type: 'string',
      title: 'Message',
      description: 'What went wrong, in one sentence; a template can include values from the message.',
    },
    details: {
      type: 'object',
      title: 'Details',
      description: 'Data for the Catch handler and the execution record, e.g. the offending ids.',
    },
  },
  required: ['errorType', 'message'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Raise Error step, after expressions are evaluated. */
export type RaiseErrorConfig = ConfigOf<typeof raiseErrorConfigSchema>;

/**
 * The full error type for what the user wrote: a bare name gets the `CUSTOM` namespace.
 *
 * @example
 * qualifyErrorType('ORDER_REJECTED'); // 'CUSTOM:ORDER_REJECTED'
 */
export function qualifyErrorType(errorType: string): string {
  return errorType.includes(':') ? errorType : `${CUSTOM_NAMESPACE}:${errorType}`;
}

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "reject-empty",',
  '  "type": "raise-error",',
  '  "config": {',
  '    "errorType": "ORDER_REJECTED",',
  '    "message": { "$template": "order {payload.id} has no lines" },',
  '    "details": { "orderId": { "$expr": "payload.id" } }',
  '  }',
  '}',
  '```',
];

/** `raise-error`: throws `FlowbusError(errorType, message, details)`. */
export const raiseErrorStep = defineStep<RaiseErrorConfig>({
  type: 'raise-error',
  title: 'Raise Error',
  category: 'errors',
  keywords: ['throw', 'fail', 'error', 'reject'],
  i18n: {
    'zh-CN': {
      title: '抛出错误',
      description: [
        '以带类型的错误结束流程，例如请求是合法 JSON 但违反了业务规则。',
        '',
        '这个错误与其他错误一样传递：由最近的外层 Try 中类型匹配的 Catch 处理器处理（处理器以 `error` 读取它，含',
        '`type`、`message`、`step` 和 `details`）；没有这样的处理器时执行以该错误失败。不带命名空间的类型（如',
        '`ORDER_REJECTED`）会成为 `CUSTOM:ORDER_REJECTED`，因此捕获 `CUSTOM` 的 Catch 能捕获所有这样抛出的错误。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        errorType: {
          title: '错误类型',
          description: '`NAMESPACE:NAME` 或 `NAME`（大写字母、数字和 `_`）；只写 `NAME` 时成为 `CUSTOM:NAME`。',
        },
        message: { title: '错误信息', description: '用一句话说明出了什么问题；可以用模板引用消息中的值。' },
        details: { title: '详情', description: '交给 Catch 处理器和执行记录的数据，例如出问题的 ID。' },
      },
    },
  },
  kind: 'action',
  effects: 'none',
  description: [
    'Stops the flow with a typed error, for example when a request is valid JSON but breaks a business rule.',
    '',
    'The error travels like any other: the nearest enclosing Try whose Catch handler matches the type',
    'handles it (the handler sees it as `error` with `type`, `message`, `step` and `details`); without one',
    'the execution fails with it. A type written without a namespace, like `ORDER_REJECTED`, becomes',
    '`CUSTOM:ORDER_REJECTED`, so a Catch on `CUSTOM` catches every error raised this way.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: raiseErrorConfigSchema,
  stopsSequence: true,
  errors: [
    {
      type: CUSTOM_NAMESPACE,
      description: 'The type in `errorType`: `CUSTOM:<NAME>` for a bare name, else the namespace written.',
    },
  ],
  async execute({ config }) {
    const errorType = readString(config.errorType, 'errorType');
    if (!ERROR_TYPE.test(errorType)) {
      const expected = 'NAMESPACE:NAME or NAME in upper-case letters, digits and _';
      throw new FlowbusError('VALIDATION', `errorType must be ${expected}, got "${errorType}"`, {
        field: 'errorType',
        expected,
      });
    }
    const message = readString(config.message, 'message');
    const details = config.details == null ? undefined : readObject(config.details, 'details');
    throw new FlowbusError(qualifyErrorType(errorType), message, details);
  },
});
