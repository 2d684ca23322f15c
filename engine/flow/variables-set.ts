/**
 * @module Which variables a step sets, read from its config schema's `x-variable` marks: a field marked
 * `"set"` names one variable (its default when left out), a field marked `"set-keys"` sets one per key.
 */
import type { JsonSchema } from '../core/json-schema.js';

/**
 * The names of the variables a step with this config sets; names written as expressions are unknown and
 * left out.
 *
 * @example
 * variablesSetBy(setVariable.config, { name: 'order', value: 1 }); // ['order']
 */
export function variablesSetBy(schema: JsonSchema, config: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    const mark = fieldSchema['x-variable'];
    const value = config[field] ?? fieldSchema.default;
    if (mark === 'set' && typeof value === 'string') names.push(value);
    if (mark === 'set-keys' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if (!('$expr' in value) && !('$template' in value)) names.push(...Object.keys(value));
    }
  }
  return names;
}
