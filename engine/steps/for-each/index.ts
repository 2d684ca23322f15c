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

/** `for-each`: a scope; the runtime runs `steps` per item (see `forEachIterations`). */
export const forEachStep = defineStep<ForEachConfig>({
  type: 'for-each',
  title: 'For Each',
  category: 'flow-control',
  keywords: ['loop', 'iterate', 'each', 'array', 'repeat'],
  i18n: {
    'zh-CN': {
      title: '循环遍历',
      description: '对数组的每一项依次执行其中的步骤。',
      scopes: { steps: { title: '对每一项' } },
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
  ].join('\n'),
  config: forEachConfigSchema,
  lazyFields: [],
  machine: forEachMachine,
  scopes: [{ kind: 'sequence', key: 'steps', title: 'For each item', description: 'Runs once per item.' }],
});
