/**
 * @module The target type registry: an instance built from the built-in target types and any added ones.
 */
import type { TargetTypeDefinition } from '../types.js';

export interface TargetRegistry {
  get(type: string): TargetTypeDefinition | undefined;
  list(): TargetTypeDefinition[];
}

/**
 * Builds a registry; a type registered twice is a programming error and throws.
 *
 * @example
 * const targets = createTargetRegistry([...builtinTargetTypes, messagePushTarget]);
 */
export function createTargetRegistry(definitions: readonly TargetTypeDefinition[]): TargetRegistry {
  const byType = new Map<string, TargetTypeDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`target type "${definition.type}" is registered twice`);
    byType.set(definition.type, definition);
  }
  return { get: (type) => byType.get(type), list: () => [...byType.values()] };
}
