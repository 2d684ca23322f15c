/**
 * @module The keys of sent channels: which channels of which notification were sent, so a retry, a re-drive
 * or a redelivery after a restart sends only the channels that were not. The keys go into the connectors'
 * send ledger (`SendLedger`), which is durable once the server has opened it in the data folder.
 */

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
