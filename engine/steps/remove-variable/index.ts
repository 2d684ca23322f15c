/**
 * @module Remove Variable: deletes a variable from the message's vars.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import { readVariableName, variableNameSchema } from '../config-values.js';

/** The schema of a Remove Variable step's config. */
export const removeVariableConfigSchema = {
  type: 'object',
  properties: {
    name: variableNameSchema({ title: 'Name', description: 'The variable to remove.' }),
  },
  required: ['name'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Remove Variable step. */
export type RemoveVariableConfig = ConfigOf<typeof removeVariableConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{ "id": "forget-token", "type": "remove-variable", "config": { "name": "accessToken" } }',
  '```',
];

/** `remove-variable`: drops one variable; removing a variable that is not set is not an error. */
export const removeVariableStep = defineStep<RemoveVariableConfig>({
  type: 'remove-variable',
  title: 'Remove Variable',
  category: 'variables',
  i18n: {
    'zh-CN': {
      title: '删除变量',
      description: [
        '删除一个变量，例如后续步骤和执行记录都不需要的大型中间结果。',
        '',
        '输出消息即去掉 `vars.<name>` 的输入消息；消息体和属性不变。删除未设置的变量不做任何事。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        name: { title: '变量名', description: '要删除的变量。' },
      },
    },
  },
  kind: 'action',
  effects: 'none',
  description: [
    'Removes a variable, e.g. a large intermediate result that later steps and the trace need not carry.',
    '',
    'The output message is the input message without `vars.<name>`; payload and attributes are unchanged.',
    'Removing a variable that is not set does nothing.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: removeVariableConfigSchema,
  async execute({ config, message }) {
    const name = readVariableName(config.name, 'name');
    if (!Object.hasOwn(message.vars, name)) return;
    const { [name]: _removed, ...vars } = message.vars;
    return { vars };
  },
});
