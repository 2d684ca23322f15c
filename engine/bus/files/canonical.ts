/**
 * @module The canonical writer of rule and bus files: the server, the editor and `fmt` write them alike.
 */
import { compareCodeUnits, preferredThenAlphabetical, stringifyJson } from '../../json/write.js';
import { BUS_ROOT_KEYS, RULE_ROOT_KEYS, TARGET_KEYS } from './format.js';

const RETRY_KEYS = ['maxAttempts', 'initialDelayMs', 'maxDelayMs', 'maxAgeMs'];
const BATCH_KEYS = ['maxEvents', 'maxWaitMs'];
const TRANSFORM_KEYS = ['inputPaths', 'template', 'jsonata'];

/**
 * Writes a rule document in canonical form (2-space indent, trailing newline). Keys: root `$schema, format,
 * name, description, bus, enabled, pattern, transform, deadLetter, targets`; target `id, type, config, batch,
 * retry, deadLetter, concurrency`; a target's config alphabetically; the pattern, input paths and template
 * as written (their order is the author's). Works on any JSON value, so an invalid rule can be formatted too.
 *
 * @example
 * await writeFile('flows/cvm.rule.json', formatRule(document));
 */
export function formatRule(document: unknown): string {
  return stringifyJson(document, (path, keys) => {
    if (path.length === 0) return preferredThenAlphabetical(keys, RULE_ROOT_KEYS);
    if (path[0] === 'transform' && path.length === 1) return preferredThenAlphabetical(keys, TRANSFORM_KEYS);
    if (path[0] !== 'targets' || path.length < 2) return keys;
    if (path.length === 2) return preferredThenAlphabetical(keys, TARGET_KEYS);
    if (path.length !== 3) return keys;
    if (path[2] === 'config') return [...keys].sort(compareCodeUnits);
    if (path[2] === 'retry') return preferredThenAlphabetical(keys, RETRY_KEYS);
    if (path[2] === 'batch') return preferredThenAlphabetical(keys, BATCH_KEYS);
    return keys;
  });
}

/** Writes a bus document in canonical form: `$schema, format, name, description, storeEvents`, the rest. */
export function formatBus(document: unknown): string {
  return stringifyJson(document, (path, keys) => {
    return path.length === 0 ? preferredThenAlphabetical(keys, BUS_ROOT_KEYS) : keys;
  });
}
