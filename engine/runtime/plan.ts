/**
 * @module Turns a validated flow document into a plan: each step with its definition, its compiled config
 * and, for a step that contributes states (a scope), what its own `plan` built. Built once per published
 * flow; executions only read it.
 */
import { FlowbusError } from '../core/errors.js';
import { joinPointer } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { StepDefinition } from '../core/step-definition.js';
import type { BranchNode, FlowDocument, StepNode } from '../flow/document.js';
import { compileValue, type CompiledValue } from '../expressions/index.js';
import { applyDefaults } from './defaults.js';
import type { PlanBranch, PlanScope, PlanTools } from './scope-api.js';

export interface PlanStepBase {
  id: string;
  type: string;
  /** JSON pointer of the step in the flow document. */
  path: string;
  definition: StepDefinition;
  disabled: boolean;
  config: CompiledValue;
  /** Ids of the enclosing scopes whose counters (attempt, iteration) apply to this step, outermost first. */
  scopes: string[];
}

export interface PlanAction extends PlanStepBase {
  kind: 'action';
}

export type PlanStep = PlanAction | PlanScope;

export interface FlowPlan {
  trigger: { id: string; type: string };
  steps: PlanStep[];
  /** Every step by id, for stubs and traces. */
  byId: Map<string, PlanStep>;
}

/** Builds the plan; expressions are compiled here, once. The document must already be valid. */
export function buildPlan(document: FlowDocument, registry: Registry): FlowPlan {
  const byId = new Map<string, PlanStep>();
  const planSequence = (nodes: StepNode[], pointer: string, scopes: string[]): PlanStep[] =>
    nodes.map((node, index) => {
      const step = planStep(node, joinPointer(pointer, index), scopes);
      byId.set(step.id, step);
      return step;
    });

  const planStep = (node: StepNode, path: string, scopes: string[]): PlanStep => {
    const definition = registry.get(node.type);
    if (!definition) throw new FlowbusError('VALIDATION', `${path}: unknown step type "${node.type}"`);
    const base: PlanStepBase = {
      id: node.id,
      type: node.type,
      path,
      definition,
      disabled: node.disabled === true,
      config: compileValue(applyDefaults(definition.config, node.config ?? {})),
      scopes,
    };
    const machine = definition.machine;
    if (!machine) {
      if (definition.kind === 'scope') {
        throw new FlowbusError('VALIDATION', `${path}: scope "${node.type}" contributes no states (no machine)`);
      }
      return { ...base, kind: 'action' };
    }
    const scopesOf = (inside?: boolean) => (inside ? [...scopes, node.id] : scopes);
    const tools: PlanTools = {
      sequence: (key, options) => planSequence(listOf<StepNode>(node, key), joinPointer(path, key), scopesOf(options?.inside)),
      branches: (key, options) =>
        listOf<BranchNode>(node, key).map((branch, index): PlanBranch => {
          const branchPath = joinPointer(path, key, index);
          const config = branch.config ?? {};
          return {
            id: branch.id,
            path: branchPath,
            config,
            compiled: compileValue(config),
            steps: planSequence(branch.steps ?? [], joinPointer(branchPath, 'steps'), scopesOf(options?.inside)),
          };
        }),
    };
    return { ...base, kind: 'scope', machine, detail: machine.plan ? machine.plan(node, tools) : undefined };
  };

  const steps = planSequence(document.steps, '/steps', []);
  return { trigger: { id: document.trigger.id, type: document.trigger.type }, steps, byId };
}

function listOf<T>(node: StepNode, key: string): T[] {
  const value = node[key];
  return Array.isArray(value) ? (value as T[]) : [];
}
