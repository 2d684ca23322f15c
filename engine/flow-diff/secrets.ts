/**
 * @module Which fields of a tree's nodes are secrets, from the step and target types' config schemas.
 */
import type { Registry } from '../core/registry.js';
import type { JsonSchema } from '../core/json-schema.js';
import { isSecretPointer } from './values.js';
import { splitContainer, type NodeTree, type TreeNode } from './tree.js';

/** The schemas the diff and the merge read: step types and, for rules, target types. */
export interface SchemaSource {
  registry?: Registry;
  /** The config schema of a rule target type. */
  targetSchema?: (type: string) => JsonSchema | undefined;
}

/** Tells whether `pointer` (relative to the node, e.g. `/config/webhook`) of `node` holds a secret. */
export type SecretTest = (node: TreeNode, pointer: string) => boolean;

/**
 * A secret test over one tree. A field is secret when the config schema of the node's type (a branch:
 * its scope's branch config) marks it, or any object around it, `x-secret`.
 *
 * @example
 * const secret = secretTest(tree, { registry });
 * secret(tree.nodes.get('send')!, '/config/webhook'); // false: connections hold the webhooks
 */
export function secretTest(tree: NodeTree, source: SchemaSource): SecretTest {
  return (node, pointer) => {
    if (!pointer.startsWith('/config/')) return false;
    const schema = configSchema(tree, node, source);
    return isSecretPointer(schema, pointer.slice('/config'.length));
  };
}

function configSchema(tree: NodeTree, node: TreeNode, source: SchemaSource): JsonSchema | undefined {
  const type = typeof node.fields.type === 'string' ? node.fields.type : undefined;
  if (node.kind === 'target') return type === undefined ? undefined : source.targetSchema?.(type);
  if (node.kind === 'step' || node.kind === 'trigger') return type === undefined ? undefined : source.registry?.get(type)?.config;
  if (node.kind !== 'branch') return undefined;
  const { owner, list } = splitContainer(node.parent);
  const ownerType = tree.nodes.get(owner)?.fields.type;
  const definition = typeof ownerType === 'string' ? source.registry?.get(ownerType) : undefined;
  const scope = definition?.scopes?.find((candidate) => candidate.key === list);
  return scope?.kind === 'branches' ? scope.branchConfig : undefined;
}
