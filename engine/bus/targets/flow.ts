/**
 * @module The `flow` target: starts a published flow (its `event` trigger) for each event or batch.
 */
import { createHash } from 'node:crypto';
import { FlowbusError } from '../../core/errors.js';
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { FLOW_ID_PATTERN } from '../../flow/document.js';
import { eventTriggerInput } from '../../runtime/trigger-input.js';
import type { ExecutionInput } from '../../runtime/types.js';
import { toStructuredJson } from '../cloudevents/index.js';
import { internalError } from '../delivery/internal-error.js';
import type { DeliveryItem, TargetTypeDefinition } from '../types.js';

/** The schema of a `flow` target's `config`. */
export const flowTargetConfigSchema = {
  type: 'object',
  properties: {
    flow: {
      type: 'string',
      title: 'Flow',
      description: 'The id of the flow (its file name without .flow.json).',
      pattern: FLOW_ID_PATTERN,
    },
  },
  required: ['flow'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of a `flow` target. */
export type FlowTargetConfig = ConfigOf<typeof flowTargetConfigSchema>;

/**
 * What the flow receives: for one event, the event trigger's input (the whole event as payload, or the
 * transform's output); for a batch, `{"EventList": [...]}` as payload, as the vendor's functions get it.
 */
export function flowInput(batch: readonly DeliveryItem[]): ExecutionInput {
  const first = batch[0]!;
  const origin = { bus: first.bus, rule: first.rule };
  if (batch.length === 1) {
    // A copy: the flow may change its payload; the event is shared with the other targets and the journal.
    const input = eventTriggerInput({ ...toStructuredJson(first.event) }, origin);
    return first.transformed ? { ...input, payload: first.payload } : input;
  }
  return {
    payload: { EventList: batch.map((item) => item.payload) },
    attributes: { ...origin, batch: true, eventIds: batch.map((item) => item.event.id) },
  };
}

/**
 * The execution id of a delivery: derived from the bus, the event ids, the rule, the target and the
 * attempt, so that the same delivery redelivered after a crash resumes (or joins, or reads the outcome of)
 * the execution it had started, while a retry after a failed execution starts a new one.
 *
 * @example
 * deliveryExecutionId(batch, { bus: 'default', rule: 'alarms', id: 'wecom' }, 1); // 'd-3f9a…' (32 hex digits)
 */
export function deliveryExecutionId(
  batch: readonly DeliveryItem[],
  target: { bus: string; rule: string; id: string },
  attempt: number,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([target.bus, target.rule, target.id, attempt, batch.map((item) => item.event.id)]));
  return `d-${hash.digest('hex').slice(0, 32)}`;
}

/** `flow`: runs a flow through the runner the bus was given; a failed execution is a failed delivery. */
export const flowTarget: TargetTypeDefinition<FlowTargetConfig> = {
  type: 'flow',
  title: 'Flow',
  description:
    'Starts a published flow whose trigger is `event`: the flow receives the event as its payload (or ' +
    "the rule's transform output). With batch delivery it receives `{\"EventList\": [...]}` instead. The " +
    'delivery settles when the execution ends: a success (a handled error included) delivers it, a failure ' +
    "counts as a failed delivery and follows the target's retry policy. The execution id is derived from " +
    'the event, the rule, the target and the attempt, so a redelivery after a crash resumes a durable ' +
    'execution instead of starting it again.',
  i18n: {
    'zh-CN': {
      title: '流程',
      description:
        '启动一个已发布、触发器为 `event` 的流程：流程以事件（或规则的转换结果）作为消息体；批量投递时收到的是 ' +
        '`{"EventList": [...]}`。执行结束时投递才有结果：成功（包括错误已被处理）即投递成功，失败则计为投递失败，' +
        '按目标的重试策略处理。执行 ID 由事件、规则、目标和尝试次数推导而来，因此崩溃后的重新投递会恢复持久化执行，' +
        '而不会重新开始。',
      fields: { flow: { title: '流程', description: '流程的 ID（其文件名去掉 .flow.json）。' } },
    },
  },
  config: flowTargetConfigSchema,
  batching: true,
  async deliver(batch, { config, signal, services, target, attempt }) {
    if (!services.runFlow) {
      const where = `target "${target.id}" of rule "${target.rule}"`;
      const message = `${where}: this bus cannot run flows (no runFlow given)`;
      throw new FlowbusError('BUS:NO_FLOW_RUNNER', message, { retryable: false });
    }
    const executionId = deliveryExecutionId(batch, target, attempt);
    const options = { signal, executionId, trigger: 'event' as const };
    const record = await services.runFlow(config.flow, flowInput(batch), options);
    if (record.status === 'succeeded') {
      return { executionId: record.id, detail: `flow ${config.flow} succeeded` };
    }
    // Cancelled: the server is stopping. Not the flow's answer, so no attempt is counted; a durable
    // execution resumes on the next start, and the redelivery (same attempt, same id) joins it.
    if (record.status === 'cancelled') {
      throw internalError(`flow "${config.flow}" execution ${record.id}`, new Error('cancelled while the server stops'));
    }
    const type = record.error?.type ?? (record.status === 'timed-out' ? 'TIMEOUT' : 'FLOW:FAILED');
    const reason = record.error?.message ?? record.status;
    const message = `flow "${config.flow}" execution ${record.id} ${record.status}: ${reason}`;
    throw new FlowbusError(type, message, { executionId: record.id });
  },
};
