/**
 * @module Maps from a key to the slots registered under it. A slot is what a satisfied condition leads
 * to (for the rule matcher, the automaton state after the transition). A key with one slot stores it
 * bare, which spares a lookup an extra array in the common case.
 */

/** One slot, or several. */
export type Slots<S> = S | S[];

/** Receives the slots an event value satisfies. */
export interface SlotSink<S> {
  mark(slots: Slots<S>): void;
}

/** Adds a slot under a key. */
export function addSlot<K, S>(map: Map<K, Slots<S>>, key: K, slot: S): void {
  const slots = map.get(key);
  if (slots === undefined) map.set(key, slot);
  else if (Array.isArray(slots)) slots.push(slot);
  else map.set(key, [slots, slot]);
}

/** Removes a slot from a key; the key goes away with its last slot. */
export function removeSlot<K, S>(map: Map<K, Slots<S>>, key: K, slot: S): void {
  const slots = map.get(key);
  if (!Array.isArray(slots)) {
    if (slots === slot) map.delete(key);
    return;
  }
  const index = slots.indexOf(slot);
  if (index === -1) return;
  slots.splice(index, 1);
  if (slots.length === 1) map.set(key, slots[0]!);
}
