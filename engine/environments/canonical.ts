/**
 * @module The canonical writer of environment files, as `flowbus fmt` writes them.
 */
import { compareCodeUnits, preferredThenAlphabetical, stringifyJson } from '../json/write.js';
import { ENVIRONMENT_ROOT_KEYS } from './format.js';

const CONNECTION_KEYS = ['type', 'description', 'store', 'values'];
const MAPS = new Set(['connections', 'variables', 'rules', 'limits']);

/**
 * Writes an environment document in canonical form (2-space indent, trailing newline): root keys in the order
 * `$schema, format, name, description, connections, variables, rules, limits`; connections, variables, rules,
 * limits and each connection's values by name; a connection's own keys `type, description, store, values`.
 * Works on any JSON value.
 *
 * @example
 * await writeFile('flows/environments/production.env.json', formatEnvironment(document));
 */
export function formatEnvironment(document: unknown): string {
  return stringifyJson(document, (path, keys) => {
    if (path.length === 0) return preferredThenAlphabetical(keys, ENVIRONMENT_ROOT_KEYS);
    if (path.length === 1 && MAPS.has(path[0]!)) return [...keys].sort(compareCodeUnits);
    if (path[0] !== 'connections') return keys;
    if (path.length === 2) return preferredThenAlphabetical(keys, CONNECTION_KEYS);
    return path.length === 3 && path[2] === 'values' ? [...keys].sort(compareCodeUnits) : keys;
  });
}
