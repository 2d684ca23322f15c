/**
 * @module The canonical writer of source files: the server (API saves) and `flowbus fmt` write them alike.
 */
import { compareCodeUnits, preferredThenAlphabetical, stringifyJson } from '../../json/write.js';
import { SOURCE_ROOT_KEYS } from './format.js';

/**
 * Writes a source document in canonical form (2-space indent, trailing newline). Keys: root `$schema, format,
 * name, description, type, bus, enabled, config`, then the rest; the config's own keys alphabetically;
 * deeper values as written. Works on any JSON value, so an invalid source can be formatted too.
 *
 * @example
 * await writeFileAtomic('flows/orders.source.json', formatSource(document));
 */
export function formatSource(document: unknown): string {
  return stringifyJson(document, (path, keys) => {
    if (path.length === 0) return preferredThenAlphabetical(keys, SOURCE_ROOT_KEYS);
    if (path.length === 1 && path[0] === 'config') return [...keys].sort(compareCodeUnits);
    return keys;
  });
}
