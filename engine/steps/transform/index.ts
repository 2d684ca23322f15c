/**
 * @module Transform: sets the payload, the attributes and some variables in one step.
 */
import { FlowbusError } from '../../core/errors.js';
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import type { StepOutput } from '../../core/message.js';
import { readObject, readVariableName } from '../config-values.js';

/** The schema of a Transform step's config. */
export const transformConfigSchema = {
  type: 'object',
  properties: {
    payload: {
      title: 'Payload',
      description: 'The new payload: any JSON value, or an expression. Left out, the payload is kept.',
    },
    attributes: {
      type: 'object',
      title: 'Attributes',
      description: 'The new attributes object. Left out, the attributes are kept.',
    },
    vars: {
      type: 'object',
      title: 'Variables',
      description: 'Variables to set, by name; each value is a literal or an expression. Others are kept.',
      'x-widget': 'key-value',
      'x-variable': 'set-keys',
    },
  },
  additionalProperties: false,
  minProperties: 1,
} as const satisfies JsonSchema;

/** Config of a Transform step, after expressions are evaluated. Each field is optional; one is required. */
export type TransformConfig = ConfigOf<typeof transformConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "normalize",',
  '  "type": "transform",',
  '  "config": {',
  '    "payload": { "$expr": "payload.data" },',
  '    "vars": { "receivedAt": { "$expr": "$now()" }, "source": "monitor" }',
  '  }',
  '}',
  '```',
];

/** `transform`: replaces payload and attributes and merges variables, each only when given. */
export const transformStep = defineStep<TransformConfig>({
  type: 'transform',
  title: 'Transform',
  category: 'variables',
  keywords: ['code', 'script', 'map', 'convert', 'jsonata', 'function'],
  i18n: {
    'zh-CN': {
      title: '转换',
      description: [
        '一步重组消息：给出时分别替换消息体、属性并增加变量。',
        '',
        '每个表达式都基于输入消息求值，因此 `vars` 表达式中的 `payload` 是转换之前的消息体。输出消息：',
        '- 给出 `payload` 时替换消息体（选不到任何内容的表达式得到 `null`）；',
        '- 给出 `attributes` 时替换属性；',
        '- `vars` 的每一项设为变量，其他变量保留。',
        '',
        '三者至少给出一个。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        payload: { title: '消息体', description: '新的消息体：任意 JSON 值或表达式。不填时保留原消息体。' },
        attributes: { title: '属性', description: '新的属性对象。不填时保留原属性。' },
        vars: { title: '变量', description: '按名称设置的变量，每个值是字面值或表达式。其他变量保持不变。' },
      },
    },
  },
  kind: 'action',
  effects: 'none',
  description: [
    'Reshapes the message in one step: a new payload, new attributes and more variables, each when given.',
    '',
    'Every expression is evaluated against the input message, so `payload` in the `vars` expressions is the',
    'payload before the transform. The output message has:',
    '- `payload` replaced when `payload` is given (an expression that selects nothing gives `null`);',
    '- `attributes` replaced when `attributes` is given;',
    '- each entry of `vars` set as a variable, other variables kept.',
    '',
    'At least one of the three is required.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: transformConfigSchema,
  async execute({ config, message }) {
    const output: StepOutput = {};
    if (Object.hasOwn(config, 'payload')) output.payload = config.payload ?? null;
    if (config.attributes !== undefined) output.attributes = readObject(config.attributes, 'attributes');
    if (config.vars !== undefined) {
      const vars = { ...message.vars };
      for (const [name, value] of Object.entries(readObject(config.vars, 'vars'))) {
        vars[readVariableName(name, `vars key "${name}"`)] = value ?? null;
      }
      output.vars = vars;
    }
    if (Object.keys(output).length === 0) {
      throw new FlowbusError('VALIDATION', 'transform needs at least one of payload, attributes or vars', {
        expected: 'payload, attributes or vars',
      });
    }
    return output;
  },
});
