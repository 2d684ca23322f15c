/**
 * @module Walking a parsed JSON value without recursion (a deep document must not overflow the stack):
 * every object in it, arrays looked through.
 */

/**
 * Every object (not array) in `value`, `value` itself first when it is one; below each object, the values
 * `children` gives (all its values when not given). The order is depth-first, last child first. Stop
 * early by leaving the loop.
 *
 * @example
 * for (const record of objectsIn(document)) if (typeof record.$expr === 'string') texts.push(record.$expr);
 */
export function* objectsIn(
  value: unknown,
  children: (record: Record<string, unknown>) => Iterable<unknown> = Object.values,
): Generator<Record<string, unknown>> {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const child of item) pending.push(child);
      continue;
    }
    const record = item as Record<string, unknown>;
    yield record;
    for (const child of children(record)) pending.push(child);
  }
}
