/**
 * @module Sends a connector's message at most once per idempotency key: a step run again with the key of a
 * send the ledger recorded (a resumed execution, a redelivered notification) is skipped and says so.
 */
import type { StepContext } from '../../engine/sdk.js';
import type { SendLedger } from './send-ledger.js';

/** The step context with the optional key the runtime gives durable executions. */
type KeyedContext = Pick<StepContext, 'logger'> & { idempotencyKey?: string };

/**
 * Runs `send` unless the ledger holds `type`+`idempotencyKey`; records the key once `send` resolves. Without
 * a key or a ledger, it just sends. Answers what `send` did, or undefined when it was skipped.
 *
 * @example
 * const delivery = await sendOnce(context, ledger, WECOM_ROBOT_TYPE, label, () => sendToRobot(send, services));
 */
export async function sendOnce<Result>(
  context: KeyedContext,
  ledger: SendLedger | undefined,
  type: string,
  label: string,
  send: () => Promise<Result>,
): Promise<Result | undefined> {
  const key = context.idempotencyKey;
  if (!ledger || typeof key !== 'string' || key === '') return send();
  const ledgerKey = `${type}\u0000${key}`;
  if (ledger.has(ledgerKey)) {
    context.logger.log('INFO', type, `${label}: not sent again, idempotency key "${key}" was sent before`);
    return undefined;
  }
  const result = await send();
  await ledger.record(ledgerKey);
  return result;
}
