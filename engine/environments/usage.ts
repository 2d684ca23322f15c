/**
 * @module What a flow needs from its environment: the connection configs its steps name and the variables
 * its expressions read with `$env('NAME')`, each with the step id and pointer where it is used.
 */
import { joinPointer } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import { buildTree, pointerOf } from '../flow-diff/tree.js';
import { leaves } from '../flow-diff/values.js';

/** One use of a connection or a variable. */
export interface EnvironmentUse {
  kind: 'connection' | 'variable';
  name: string;
  stepId: string;
  /** JSON pointer of the field in the flow document. */
  pointer: string;
  /** For a connection: the connection type the step needs. */
  connectionType?: string;
}

const ENV_CALL = /\$env\(\s*(["'])((?:(?!\1)[^\\])*)\1\s*\)/g;

/**
 * Every connection and `$env` variable a flow document uses (literal names only: a name computed by an
 * expression cannot be known before the flow runs).
 *
 * @example
 * environmentUses(flow, registry); // [{ kind: 'connection', name: 'ops-wecom', stepId: 'send', pointer: '/steps/2/steps/0/config/connection', connectionType: 'wecom-robot' }]
 */
export function environmentUses(document: unknown, registry: Registry): EnvironmentUse[] {
  const tree = buildTree(document, 'flow', registry);
  const uses: EnvironmentUse[] = [];
  for (const node of tree.nodes.values()) {
    if (node.kind === 'root' || typeof node.fields.id !== 'string') continue;
    const stepId = node.fields.id;
    const base = joinPointer(pointerOf(tree, node), 'config');
    const config = node.fields.config;
    if (typeof config !== 'object' || config === null) continue;
    const definition = typeof node.fields.type === 'string' ? registry.get(node.fields.type) : undefined;
    for (const [field, schema] of Object.entries(definition?.config.properties ?? {})) {
      const value = (config as Record<string, unknown>)[field];
      const connectionType = schema['x-connection'];
      if (typeof connectionType !== 'string' || typeof value !== 'string' || value === '') continue;
      uses.push({ kind: 'connection', name: value, stepId, pointer: joinPointer(base, field), connectionType });
    }
    for (const [pointer, value] of leaves(config, base)) {
      for (const text of new Set(expressionTexts(value))) {
        const names = new Set([...text.matchAll(ENV_CALL)].map((match) => match[2]!));
        for (const name of names) uses.push({ kind: 'variable', name, stepId, pointer });
      }
    }
  }
  return uses;
}

function expressionTexts(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(expressionTexts);
  const record = value as Record<string, unknown>;
  if (typeof record.$expr === 'string') return [record.$expr];
  if (typeof record.$template === 'string') return [record.$template];
  return Object.values(record).flatMap(expressionTexts);
}

/**
 * The connections a rule's targets name: every `connection` text inside a target's config (message push
 * receivers, webhook authentication). Their types are the target type's business, so only the name is known.
 */
export function ruleEnvironmentUses(document: unknown): EnvironmentUse[] {
  const uses: EnvironmentUse[] = [];
  const targets = typeof document === 'object' && document !== null ? (document as Record<string, unknown>).targets : undefined;
  if (!Array.isArray(targets)) return uses;
  targets.forEach((target, index) => {
    if (typeof target !== 'object' || target === null) return;
    const { id, config } = target as Record<string, unknown>;
    const visit = (value: unknown, pointer: string) => {
      if (Array.isArray(value)) return value.forEach((item, at) => visit(item, joinPointer(pointer, at)));
      if (typeof value !== 'object' || value === null) return;
      for (const [key, item] of Object.entries(value)) {
        const at = joinPointer(pointer, key);
        if (key === 'connection' && typeof item === 'string' && item !== '') uses.push({ kind: 'connection', name: item, stepId: String(id), pointer: at });
        else visit(item, at);
      }
    };
    visit(config, joinPointer('/targets', index, 'config'));
  });
  return uses;
}
