/**
 * @module An upper bound of how deep jsonata's node evaluations nest for an expression, as its depth counter
 * counts them: the counter is shared by the items of an array constructor and by the values of an object
 * constructor, which jsonata evaluates concurrently (`Promise.all`), so those add up instead of nesting.
 */
import type { AstNode } from './ast.js';

/** Lambdas bound by name: a call of one evaluates its body below the call. */
type Named = ReadonlyMap<string, AstNode>;

function deepest(nodes: AstNode[], named: Named): number {
  let result = 0;
  for (const node of nodes) result = Math.max(result, evaluationDepth(node, named));
  return result;
}

function summed(nodes: AstNode[], named: Named): number {
  let result = 0;
  for (const node of nodes) result += evaluationDepth(node, named);
  return result;
}

/** Keys one after another, values concurrently (one per distinct key; the runtime multiplies for more). */
function groupDepth(pairs: Array<[AstNode, AstNode]> | undefined, named: Named): number {
  if (!pairs) return 0;
  return Math.max(deepest(pairs.map(([key]) => key), named), summed(pairs.map(([, value]) => value), named));
}

/** The bodies of the named lambdas a call, an argument or a `~>` may run (their bodies call none). */
function calledBodies(node: AstNode, named: Named): AstNode[] {
  const candidates = [node.procedure, node.rhs, ...(node.arguments ?? [])];
  return candidates.flatMap((candidate) => {
    const lambda = candidate?.type === 'variable' ? named.get(candidate.value as string) : undefined;
    return lambda ? [lambda] : [];
  });
}

function stageExpressions(stages: AstNode[] | undefined): AstNode[] {
  return (stages ?? []).flatMap((stage) => (stage.expr ? [stage.expr] : []));
}

/** The children evaluated one after another, below the node's own evaluation. */
function sequentialChildren(node: AstNode, named: Named): AstNode[] {
  const children: AstNode[] = [...stageExpressions(node.predicate)];
  if (node.type === 'function' || node.type === 'apply') children.push(...calledBodies(node, named));
  const add = (...nodes: Array<AstNode | undefined>): void => {
    for (const child of nodes) if (child) children.push(child);
  };
  switch (node.type) {
    case 'path':
      for (const step of node.steps ?? []) add(step, ...stageExpressions(step.stages));
      break;
    case 'unary':
      if (node.value === '-') add(node.expression);
      break;
    case 'function':
      add(node.procedure, ...(node.arguments ?? []));
      break;
    case 'apply':
      add(node.lhs as AstNode, node.rhs?.procedure, ...(node.rhs?.arguments ?? []));
      if (node.rhs?.type !== 'function') add(node.rhs);
      break;
    case 'lambda':
      add(node.body);
      break;
    case 'sort':
      add(...((node.terms as Array<{ expression: AstNode }> | undefined) ?? []).map((term) => term.expression));
      break;
    case 'bind':
      add(node.rhs);
      break;
    case 'binary':
      add(node.lhs as AstNode, node.rhs);
      break;
    case 'condition':
      add(node.condition, node.then, node.else);
      break;
    case 'block':
      add(...(node.expressions ?? []));
      break;
  }
  return children;
}

/** The bound for `node`: 1 for the node itself plus its deepest (or, when concurrent, summed) children. */
export function evaluationDepth(node: AstNode, named: Named = new Map()): number {
  let below = deepest(sequentialChildren(node, named), named);
  if (node.type === 'unary' && node.value === '[') below = Math.max(below, summed(node.expressions ?? [], named));
  if (node.type === 'unary' && node.value === '{') below = Math.max(below, groupDepth(node.lhs, named));
  below = Math.max(below, groupDepth(node.group?.lhs, named));
  return 1 + below;
}
