/**
 * @module Delay: waits a duration before the next step. In a durable flow its due time is checkpointed, so
 * the wait ends on time after a crash and a restart.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import { delayMachine, MAX_DELAY_MS } from './machine.js';

/** The schema of a Delay step's config. */
export const delayConfigSchema = {
  type: 'object',
  properties: {
    durationMs: {
      type: 'integer',
      title: 'Duration (ms)',
      description: 'How long to wait, in milliseconds (at most 7 days).',
      minimum: 0,
      maximum: MAX_DELAY_MS,
    },
  },
  required: ['durationMs'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Delay step, after expressions are evaluated. */
export type DelayConfig = ConfigOf<typeof delayConfigSchema>;

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{ "id": "cool-down", "type": "delay", "config": { "durationMs": 60000 } }',
  '```',
];

/** `delay`: contributes a wait state to the machine (no `execute`); the message passes through. */
export const delayStep = defineStep<DelayConfig>({
  type: 'delay',
  title: 'Delay',
  category: 'flow-control',
  i18n: {
    'zh-CN': {
      title: '延时',
      description: [
        '等待 `durationMs` 毫秒，然后以不变的消息继续执行流程。',
        '',
        '在持久化流程中，等待结束的时间保存在检查点里：崩溃并重启后，等待在原定时间结束（若该时间已过则立即结束），',
        '而不是再等一整段时长。试运行或流程测试不会等待。执行超时包括等待的时间。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        durationMs: { title: '时长（毫秒）', description: '等待多久，单位为毫秒（最多 7 天）。' },
      },
    },
  },
  kind: 'action',
  description: [
    'Waits `durationMs` milliseconds, then the flow goes on with the message unchanged.',
    '',
    'In a durable flow the time the wait ends is part of the checkpoint: after a crash and a restart the',
    'wait ends when it was due (at once when that time has passed), not a whole duration later. A dry run',
    'or a flow test does not wait. The execution timeout counts the wait.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: delayConfigSchema,
  machine: delayMachine,
});
