/**
 * @module Which channels of which notification were sent, so a retry, a re-drive or a redelivery after a
 * restart sends only the channels that were not: keys in the connectors' send ledger, which is durable once
 * the server has opened it in the data folder.
 */
export { SendLedger as SentLedger } from '../../connectors/shared/send-ledger.js';

/** Which delivery a key belongs to. */
export interface DeliveryKey {
  bus: string;
  rule: string;
  target: string;
  eventId: string;
}

/** The key of one channel of one receiver (by index) of one delivery. */
export function sentKey(delivery: DeliveryKey, receiver: number, channel: string): string {
  const { bus, rule, target, eventId } = delivery;
  return ['message-push', bus, rule, target, eventId, receiver, channel].join('\u0000');
}
