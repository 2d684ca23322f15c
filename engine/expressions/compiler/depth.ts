/**
 * @module An upper bound of how deep jsonata's node evaluations nest for an expression, as its depth counter
 * counts them: the counter is shared by the items of an array constructor and by the values of an object
 * constructor, which jsonata evaluates concurrently (`Promise.all`), so those add up instead of nesting.
 */
import type { AstNode } from './ast.js';

function deepest(nodes: AstNode[]): number {
  let result = 0;
  for (const node of nodes) result = Math.max(result, evaluationDepth(node));
  return result;
}

function summed(nodes: AstNode[]): number {
  let result = 0;
  for (const node of nodes) result += evaluationDepth(node);
  return result;
}

/** Keys one after another, values concurrently (one per distinct key; the runtime multiplies for more). */
function groupDepth(pairs: Array<[AstNode, AstNode]> | undefined): number {
  if (!pairs) return 0;
  return Math.max(deepest(pairs.map(([key]) => key)), summed(pairs.map(([, value]) => value)));
}

function stageExpressions(stages: AstNode[] | undefined): AstNode[] {
  return (stages ?? []).flatMap((stage) => (stage.expr ? [stage.expr] : []));
}

/** The children evaluated one after another, below the node's own evaluation. */
function sequentialChildren(node: AstNode): AstNode[] {
  const children: AstNode[] = [...stageExpressions(node.predicate)];
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
export function evaluationDepth(node: AstNode): number {
  let below = deepest(sequentialChildren(node));
  if (node.type === 'unary' && node.value === '[') below = Math.max(below, summed(node.expressions ?? []));
  if (node.type === 'unary' && node.value === '{') below = Math.max(below, groupDepth(node.lhs));
  below = Math.max(below, groupDepth(node.group?.lhs));
  return 1 + below;
}
