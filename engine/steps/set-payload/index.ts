/**
 * @module Set Payload: replaces the message's payload.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';

/** The schema of a Set Payload step's config. */
export const setPayloadConfigSchema = {
  type: 'object',
  properties: {
    value: {
      title: 'Value',
      description: 'The new payload: any JSON value, or an expression computed from the message.',
    },
  },
  required: ['value'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Set Payload step, after expressions are evaluated. */
export type SetPayloadConfig = ConfigOf<typeof setPayloadConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "to-alert",',
  '  "type": "set-payload",',
  '  "config": {',
  '    "value": { "$expr": "{ \\"title\\": payload.alarmName, \\"level\\": payload.severity }" }',
  '  }',
  '}',
  '```',
];

/** `set-payload`: the payload becomes `value`; attributes and vars pass through. */
export const setPayloadStep = defineStep<SetPayloadConfig>({
  type: 'set-payload',
  title: 'Set Payload',
  category: 'variables',
  keywords: ['respond', 'reply', 'response', 'body', 'output', 'return'],
  i18n: {
    'zh-CN': {
      title: '设置消息体',
      description: [
        '用一个值替换消息体，通常是重组消息体的表达式。',
        '',
        '输出消息的 `payload` 设为该值；属性和变量不变。选不到任何内容的表达式得到 `null` 消息体。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        value: { title: '值', description: '新的消息体：任意 JSON 值，或根据消息计算的表达式。' },
      },
    },
  },
  kind: 'action',
  effects: 'none',
  description: [
    'Replaces the payload with a value, typically an expression that reshapes it.',
    '',
    'The output message has `payload` set to the value; attributes and vars are unchanged.',
    'An expression that selects nothing gives a `null` payload.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: setPayloadConfigSchema,
  async execute({ config }) {
    return { payload: config.value ?? null };
  },
});
