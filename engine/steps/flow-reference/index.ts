/**
 * @module Flow Reference: runs another flow with the current message and continues with its result.
 */
import { FlowbusError } from '../../core/errors.js';
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import { FLOW_ID_PATTERN } from '../../flow/document.js';
import { isPlainObject, readString } from '../config-values.js';

export { FLOW_ID_PATTERN };

const FLOW_ID = new RegExp(FLOW_ID_PATTERN);

/** The schema of a Flow Reference step's config. */
export const flowReferenceConfigSchema = {
  type: 'object',
  properties: {
    flow: {
      type: 'string',
      title: 'Flow',
      description: 'The id of the flow to run: its file name without `.flow.json`, e.g. `notify-on-call`.',
      pattern: FLOW_ID_PATTERN,
      'x-expression': false,
    },
  },
  required: ['flow'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Flow Reference step. */
export type FlowReferenceConfig = ConfigOf<typeof flowReferenceConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{ "id": "notify", "type": "flow-reference", "config": { "flow": "notify-on-call" } }',
  '```',
];

/** `flow-reference`: calls `context.flows.call(flow, message, signal)`; the result replaces the message. */
export const flowReferenceStep = defineStep<FlowReferenceConfig>({
  type: 'flow-reference',
  title: 'Flow Reference',
  category: 'flow-control',
  keywords: ['call', 'subflow', 'reuse', 'invoke'],
  i18n: {
    'zh-CN': {
      title: '流程引用',
      description: [
        '把另一个流程当作子程序运行，多个流程共用的步骤只需写一次。',
        '',
        '被调用流程的触发器被跳过：它的第一个步骤收到本步骤的输入消息（消息体、属性和变量）。输出消息是被调用流程',
        '最终的消息体、属性和变量。被调用流程没有处理的错误会传递到这里，由外层的 Try 捕获。取消执行也会取消被调用',
        '的流程。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        flow: { title: '流程', description: '要运行的流程的 ID：其文件名去掉 `.flow.json`，例如 `notify-on-call`。' },
      },
    },
  },
  kind: 'action',
  description: [
    'Runs another flow as a subroutine, so that steps shared by several flows are written once.',
    '',
    "The called flow's trigger is skipped: its first step receives this step's input message (payload,",
    'attributes and vars). The output message is the called flow\'s final payload, attributes and vars.',
    'An error the called flow does not handle propagates here, to be caught by an enclosing Try.',
    'Cancelling the execution cancels the called flow too.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: flowReferenceConfigSchema,
  async execute({ config, message, flows, signal }) {
    const flow = readString(config.flow, 'flow');
    if (!FLOW_ID.test(flow)) {
      const expected = 'a flow id (the flow file name without .flow.json)';
      throw new FlowbusError('VALIDATION', `flow must be ${expected}, got "${flow}"`, {
        field: 'flow',
        expected,
      });
    }
    const result = await flows.call(flow, message, signal);
    return {
      payload: result.payload,
      attributes: isPlainObject(result.attributes) ? result.attributes : {},
      vars: isPlainObject(result.vars) ? result.vars : {},
    };
  },
});
