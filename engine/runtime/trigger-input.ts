/**
 * @module The first message of an execution started by an event: the whole event is the payload (as the
 * vendor's integration flows receive it), its context attributes are also in `attributes`.
 */
import type { ExecutionInput } from './types.js';

/** Where an event came from, added to the attributes. */
export interface EventOrigin {
  bus?: string;
  rule?: string;
}

/**
 * Builds the input of a flow started by `event`.
 *
 * @example
 * eventTriggerInput({ id: 'e-1', source: 'cvm.cloud.tencent', data: {} }, { bus: 'default' });
 * // { payload: { id: 'e-1', ... }, attributes: { id: 'e-1', source: 'cvm.cloud.tencent', bus: 'default' } }
 */
export function eventTriggerInput(event: Record<string, unknown>, origin: EventOrigin = {}): ExecutionInput {
  const { data: _data, data_base64: _dataBase64, ...contextAttributes } = event;
  return {
    payload: event,
    attributes: {
      ...contextAttributes,
      bus: origin.bus ?? 'default',
      ...(origin.rule ? { rule: origin.rule } : {}),
    },
  };
}
