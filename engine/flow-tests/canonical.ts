/**
 * @module The canonical writer for flow test files, with the same rules as flow files.
 */
import { preferredThenAlphabetical, stringifyJson } from '../json/write.js';

const ROOT_KEYS = ['$schema', 'format', 'flow', 'cases'];
const CASE_KEYS = ['name', 'input', 'event', 'stubs', 'live', 'timeoutMs', 'expect'];
const EXPECT_KEYS = ['status', 'payload', 'attributes', 'vars', 'error', 'steps', 'calls', 'logs'];

/** Canonical text of a flow test file: structural keys in a fixed order, the user's data as written. */
export function formatFlowTests(document: unknown): string {
  return stringifyJson(document, (path, keys) => {
    if (path.length === 0) return preferredThenAlphabetical(keys, ROOT_KEYS);
    if (path.length === 2 && path[0] === 'cases') return preferredThenAlphabetical(keys, CASE_KEYS);
    if (path.length === 3 && path[0] === 'cases' && path[2] === 'expect') return preferredThenAlphabetical(keys, EXPECT_KEYS);
    return keys;
  });
}
