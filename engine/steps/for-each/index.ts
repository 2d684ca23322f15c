/**
 * @module For Each: runs a sequence of steps once per item of an array.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import { forEachMachine } from './machine.js';
import { variableNameSchema } from '../config-values.js';
import { FOR_EACH_DEFAULTS } from './iterations.js';

/** The schema of a For Each step's config. */
export const forEachConfigSchema = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      title: 'Items',
      description: 'The array to go through, usually an expression such as `payload.orders[]`.',
    },
    itemVariable: variableNameSchema({
      title: 'Item variable',
      description: 'The variable holding the current item (or batch).',
      default: FOR_EACH_DEFAULTS.itemVariable,
      'x-variable': 'set',
    }),
    counterVariable: variableNameSchema({
      title: 'Counter variable',
      description: 'The variable holding the 0-based index of the current iteration.',
      default: FOR_EACH_DEFAULTS.counterVariable,
      'x-variable': 'set',
    }),
    batchSize: {
      type: 'integer',
      title: 'Batch size',
      description: 'When set, each iteration gets an array of up to this many items instead of one item.',
      minimum: 1,
    },
    resultsVariable: variableNameSchema({
      title: 'Results variable',
      description: "When set, collects each iteration's final payload into this variable, in order.",
      'x-variable': 'set',
    }),
  },
  required: ['items'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a For Each step, after expressions are evaluated. */
export type ForEachConfig = ConfigOf<typeof forEachConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "each-order",',
  '  "type": "for-each",',
  '  "config": {',
  '    "items": { "$expr": "payload.orders[]" },',
  '    "itemVariable": "order",',
  '    "resultsVariable": "ids"',
  '  },',
  '  "steps": [',
  '    { "id": "pick-id", "type": "set-payload", "config": { "value": { "$expr": "vars.order.id" } } }',
  '  ]',
  '}',
  '```',
];

/** `for-each`: a scope; the runtime runs `steps` per item (see `forEachIterations`). */
export const forEachStep = defineStep<ForEachConfig>({
  type: 'for-each',
  title: 'For Each',
  category: 'flow-control',
  keywords: ['loop', 'iterate', 'each', 'array', 'repeat'],
  i18n: {
    'zh-CN': {
      title: '循环遍历',
      description: [
        '对数组的每一项依次执行其中的步骤。',
        '',
        '在循环内部，`payload` 是当前项（设置 `batchSize` 时是由最多这么多项组成的数组），`vars.<itemVariable>`',
        '也是当前项，`vars.<counterVariable>` 是它从 0 开始的序号。`items` 必须得到数组，否则是 `VALIDATION` 错误。',
        '在 JSONata 中，只找到一个元素的路径得到的是该元素而不是列表：写 `payload.orders[]` 才总能得到数组。',
        '',
        '循环结束后，消息体和属性恢复为 For Each 之前的值；循环内设置的变量保留（以最后一次迭代为准），当前项变量',
        '和序号变量除外。设置 `resultsVariable` 时，`vars.<resultsVariable>` 得到每次迭代最终消息体组成的列表。',
        '循环内的错误会中止循环并向外传递（要跳过出错的项，把内部步骤放进 Try）。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      scopes: { steps: { title: '对每一项' } },
      fields: {
        items: { title: '遍历数组', description: '要遍历的数组，通常是 `payload.orders[]` 这样的表达式。' },
        itemVariable: { title: '当前项变量', description: '存放当前项（或当前批次）的变量。' },
        counterVariable: { title: '序号变量', description: '存放当前迭代序号（从 0 开始）的变量。' },
        batchSize: { title: '批大小', description: '设置后，每次迭代得到由最多这么多项组成的数组，而不是单个项。' },
        resultsVariable: { title: '结果变量', description: '设置后，按顺序把每次迭代的最终消息体收集到这个变量中。' },
      },
    },
  },
  kind: 'scope',
  description: [
    'Runs its steps once for each item of an array, one item after the other.',
    '',
    'Inside, `payload` is the item (or, with `batchSize`, an array of up to that many items),',
    '`vars.<itemVariable>` is the same item and `vars.<counterVariable>` its 0-based index. `items` must',
    'give an array; anything else is a `VALIDATION` error. In JSONata a path that finds one element gives',
    'that element, not a list: write `payload.orders[]` to always get an array.',
    '',
    'Afterwards the payload and attributes are those from before the For Each; variables set inside are',
    'kept (those of the last iteration win), except the item and counter variables. With `resultsVariable`,',
    "`vars.<resultsVariable>` gets the list of each iteration's final payload. An error inside stops the",
    'loop and propagates (wrap the inner steps in a Try to skip a bad item instead).',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: forEachConfigSchema,
  lazyFields: [],
  machine: forEachMachine,
  scopes: [{ kind: 'sequence', key: 'steps', title: 'For each item', description: 'Runs once per item.' }],
});
