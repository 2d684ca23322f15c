/**
 * @module Browser stand-in for `node:crypto`: the one function the shared expression code uses.
 */

/** A random v4 UUID from the Web Crypto API. */
export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}
