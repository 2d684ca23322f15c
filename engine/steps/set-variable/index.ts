/**
 * @module Set Variable: stores a value in the message's vars under a name.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { copyRecord, setEntry } from '../../core/record-copy.js';
import { defineStep } from '../../core/step-definition.js';
import { readVariableName, variableNameSchema } from '../config-values.js';

/** The schema of a Set Variable step's config. */
export const setVariableConfigSchema = {
  type: 'object',
  properties: {
    name: variableNameSchema({
      title: 'Name',
      description: 'The variable to set: letters, digits and `_`, not starting with a digit.',
      'x-variable': 'set',
    }),
    value: {
      title: 'Value',
      description: 'Any JSON value, or an expression computed from the message.',
    },
  },
  required: ['name', 'value'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Set Variable step, after expressions are evaluated. */
export type SetVariableConfig = ConfigOf<typeof setVariableConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "remember-order",',
  '  "type": "set-variable",',
  '  "config": { "name": "orderId", "value": { "$expr": "payload.order.id" } }',
  '}',
  '```',
];

/** `set-variable`: adds or replaces one variable; payload and attributes pass through. */
export const setVariableStep = defineStep<SetVariableConfig>({
  type: 'set-variable',
  title: 'Set Variable',
  category: 'variables',
  keywords: ['assign', 'store', 'save', 'var'],
  i18n: {
    'zh-CN': {
      title: '设置变量',
      description: [
        '把一个值存入变量，后续步骤以 `vars.<名称>` 读取。',
        '',
        '输出消息即输入消息，并把 `vars.<name>` 设为该值（替换之前的值）；消息体和属性不变。变量在整个执行期间',
        '有效，包括作用域内部和之后。选不到任何内容的表达式存入 `null`。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        name: { title: '变量名', description: '要设置的变量：字母、数字和 `_`，不能以数字开头。' },
        value: { title: '值', description: '任意 JSON 值，或根据消息计算的表达式。' },
      },
    },
  },
  kind: 'action',
  effects: 'none',
  description: [
    'Stores a value in a variable that later steps read as `vars.<name>`.',
    '',
    'The output message is the input message with `vars.<name>` set to the value (replacing any earlier',
    'value); payload and attributes are unchanged. Variables live until the end of the execution,',
    'including inside and after scopes. An expression that selects nothing stores `null`.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: setVariableConfigSchema,
  async execute({ config, message }) {
    const name = readVariableName(config.name, 'name');
    // Not `{ ...message.vars, [name]: value }`: a spread copy that gets a new key is slow (record-copy.ts).
    const vars = copyRecord(message.vars);
    setEntry(vars, name, config.value ?? null);
    return { vars };
  },
});
