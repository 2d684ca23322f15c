/**
 * @module The canonical flow writer of `fmt`, the server and the editor: an unchanged flow saves the same.
 */
import type { Registry } from '../core/registry.js';
import { BRANCH_NODE_KEYS, FLOW_ROOT_KEYS, STEP_NODE_KEYS } from './document.js';
import { compareCodeUnits, preferredThenAlphabetical, stringifyJson } from '../json/write.js';

/**
 * Writes a flow document in canonical form: 2-space indent, `\n` line ends, trailing newline; keys ordered
 * root `$schema, format, name, description, trigger, steps`; step `id, type, name, description, disabled,
 * config`, then scope keys as the step's definition declares them; branch `id, name, config, steps`; other
 * keys alphabetically after those; a config object's own keys alphabetically; values inside config as
 * written.
 * Works on any JSON value, so an invalid flow can be formatted too.
 *
 * @example
 * await writeFile('flows/echo.flow.json', formatFlow(document, registry));
 */
export function formatFlow(document: unknown, registry?: Registry): string {
  return stringifyJson(document, (path, keys) => orderFlowKeys(roleAt(document, path, registry), keys));
}

/** What an object in a flow document is, as far as key order goes. */
type Role =
  | { kind: 'root' | 'branch' | 'config' | 'free' | 'list' | 'step-list' | 'branch-list' | 'guessed-list' }
  | { kind: 'step'; scopeOrder: Map<string, 'step-list' | 'branch-list'> };

function orderFlowKeys(role: Role, keys: readonly string[]): readonly string[] {
  switch (role.kind) {
    case 'root':
      return preferredThenAlphabetical(keys, FLOW_ROOT_KEYS);
    case 'step':
      return preferredThenAlphabetical(keys, [...STEP_NODE_KEYS, ...role.scopeOrder.keys()]);
    case 'branch':
      return preferredThenAlphabetical(keys, BRANCH_NODE_KEYS);
    case 'config':
      return [...keys].sort(compareCodeUnits);
    default:
      return keys;
  }
}

/** Follows `path` from the root, deciding at each level what the value there is. */
function roleAt(document: unknown, path: readonly string[], registry: Registry | undefined): Role {
  let value = document;
  let role: Role = isObject(document) ? { kind: 'root' } : { kind: 'free' };
  for (const key of path) {
    const child: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : null;
    role = childRole(role, key, child, registry);
    value = child;
  }
  return role;
}

function childRole(parent: Role, key: string, child: unknown, registry: Registry | undefined): Role {
  switch (parent.kind) {
    case 'root':
      if (key === 'trigger') return asStep(child, registry);
      return key === 'steps' ? { kind: 'step-list' } : { kind: 'free' };
    case 'step-list':
      return asStep(child, registry);
    case 'branch-list':
      return isObject(child) ? { kind: 'branch' } : { kind: 'free' };
    case 'guessed-list':
      return guessNode(child, registry);
    case 'branch':
      if (key === 'config') return { kind: 'config' };
      return key === 'steps' ? { kind: 'step-list' } : { kind: 'free' };
    case 'step':
      if (key === 'config') return { kind: 'config' };
      if ((STEP_NODE_KEYS as readonly string[]).includes(key)) return { kind: 'free' };
      return { kind: parent.scopeOrder.get(key) ?? (Array.isArray(child) ? 'guessed-list' : 'free') };
    default:
      return { kind: 'free' };
  }
}

function asStep(value: unknown, registry: Registry | undefined): Role {
  if (!isObject(value)) return { kind: 'free' };
  const definition = typeof value.type === 'string' ? registry?.get(value.type) : undefined;
  const scopeOrder = new Map<string, 'step-list' | 'branch-list'>();
  if (definition) {
    for (const scope of definition.scopes ?? []) {
      scopeOrder.set(scope.key, scope.kind === 'sequence' ? 'step-list' : 'branch-list');
    }
  }
  return { kind: 'step', scopeOrder };
}

/** An item of a list under a key no definition declares: a step when it has a type, else maybe a branch. */
function guessNode(value: unknown, registry: Registry | undefined): Role {
  if (!isObject(value)) return { kind: 'free' };
  if (typeof value.type === 'string') return asStep(value, registry);
  return Array.isArray(value.steps) ? { kind: 'branch' } : { kind: 'free' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
