/**
 * @module The step registry: an instance built at the composition root from built-ins and connectors.
 */
import type { StepDefinition } from './step-definition.js';

export interface Registry {
  get(type: string): StepDefinition | undefined;
  has(type: string): boolean;
  list(): StepDefinition[];
}

/**
 * Builds a registry; a duplicate type is a programming error and throws.
 *
 * @example
 * const registry = createRegistry([...builtinSteps, ...connectorSteps]);
 */
export function createRegistry(definitions: StepDefinition[]): Registry {
  const byType = new Map<string, StepDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`step type "${definition.type}" is registered twice`);
    byType.set(definition.type, definition);
  }
  return {
    get: (type) => byType.get(type),
    has: (type) => byType.has(type),
    list: () => [...byType.values()],
  };
}
