/**
 * @module Turns a validated flow document into a plan: each step with its definition, its compiled config
 * and its nested sequences. Built once per published flow; executions only read it.
 */
import { FlowbusError } from '../core/errors.js';
import { joinPointer } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { StepDefinition } from '../core/step-definition.js';
import type { BranchNode, FlowDocument, StepNode } from '../flow/document.js';
import { compileValue, type CompiledValue } from '../expressions/index.js';
import { catchHandlerSettings, type CatchHandlerSettings } from '../steps/try/handler.js';
import { applyDefaults } from './defaults.js';

interface PlanStepBase {
  id: string;
  type: string;
  /** JSON pointer of the step in the flow document. */
  path: string;
  definition: StepDefinition;
  disabled: boolean;
  config: CompiledValue;
  /** Ids of the enclosing For Each steps, outermost first. */
  loops: string[];
  /** Ids of the enclosing Try steps, outermost first. */
  tries: string[];
}

export interface PlanAction extends PlanStepBase {
  kind: 'action';
}

export interface PlanCatchHandler extends CatchHandlerSettings {
  id: string;
  path: string;
  steps: PlanStep[];
}

export interface PlanTry extends PlanStepBase {
  kind: 'try';
  body: PlanStep[];
  handlers: PlanCatchHandler[];
}

export interface PlanChoiceBranch {
  id: string;
  path: string;
  condition: CompiledValue;
  steps: PlanStep[];
}

export interface PlanChoice extends PlanStepBase {
  kind: 'choice';
  branches: PlanChoiceBranch[];
  otherwise: PlanStep[];
}

export interface PlanForEach extends PlanStepBase {
  kind: 'for-each';
  body: PlanStep[];
}

export type PlanStep = PlanAction | PlanTry | PlanChoice | PlanForEach;

export interface FlowPlan {
  trigger: { id: string; type: string };
  steps: PlanStep[];
  /** Every step by id, for stubs and traces. */
  byId: Map<string, PlanStep>;
}

interface Enclosing {
  loops: string[];
  tries: string[];
}

/** Builds the plan; expressions are compiled here, once. The document must already be valid. */
export function buildPlan(document: FlowDocument, registry: Registry): FlowPlan {
  const byId = new Map<string, PlanStep>();
  const planSequence = (nodes: StepNode[], pointer: string, enclosing: Enclosing): PlanStep[] =>
    nodes.map((node, index) => {
      const step = planStep(node, joinPointer(pointer, index), enclosing);
      byId.set(step.id, step);
      return step;
    });

  const planStep = (node: StepNode, path: string, enclosing: Enclosing): PlanStep => {
    const definition = registry.get(node.type);
    if (!definition) throw new FlowbusError('VALIDATION', `${path}: unknown step type "${node.type}"`);
    const base: PlanStepBase = {
      id: node.id,
      type: node.type,
      path,
      definition,
      disabled: node.disabled === true,
      config: compileValue(applyDefaults(definition.config, node.config ?? {})),
      ...enclosing,
    };
    if (definition.kind !== 'scope') return { ...base, kind: 'action' };
    switch (node.type) {
      case 'try': {
        const inner = { ...enclosing, tries: [...enclosing.tries, node.id] };
        return {
          ...base,
          kind: 'try',
          body: planSequence(sequenceOf(node, 'steps'), joinPointer(path, 'steps'), inner),
          // Handlers run outside the Try they belong to: their errors go to the enclosing Try.
          handlers: branchesOf(node, 'catch').map((branch, index) =>
            planHandler(branch, joinPointer(path, 'catch', index), enclosing),
          ),
        };
      }
      case 'choice':
        return {
          ...base,
          kind: 'choice',
          branches: branchesOf(node, 'when').map((branch, index) => {
            const branchPath = joinPointer(path, 'when', index);
            return {
              id: branch.id,
              path: branchPath,
              condition: compileValue(branch.config?.condition ?? false),
              steps: planSequence(branch.steps ?? [], joinPointer(branchPath, 'steps'), enclosing),
            };
          }),
          otherwise: planSequence(sequenceOf(node, 'otherwise'), joinPointer(path, 'otherwise'), enclosing),
        };
      case 'for-each': {
        const inner = { ...enclosing, loops: [...enclosing.loops, node.id] };
        return {
          ...base,
          kind: 'for-each',
          body: planSequence(sequenceOf(node, 'steps'), joinPointer(path, 'steps'), inner),
        };
      }
      default:
        throw new FlowbusError('VALIDATION', `${path}: the runtime does not know how to run scope "${node.type}"`);
    }
  };

  const planHandler = (branch: BranchNode, path: string, enclosing: Enclosing): PlanCatchHandler => ({
    id: branch.id,
    path,
    ...catchHandlerSettings(branch.config ?? {}),
    steps: planSequence(branch.steps ?? [], joinPointer(path, 'steps'), enclosing),
  });

  const steps = planSequence(document.steps, '/steps', { loops: [], tries: [] });
  return { trigger: { id: document.trigger.id, type: document.trigger.type }, steps, byId };
}

function sequenceOf(node: StepNode, key: string): StepNode[] {
  const value = node[key];
  return Array.isArray(value) ? (value as StepNode[]) : [];
}

function branchesOf(node: StepNode, key: string): BranchNode[] {
  const value = node[key];
  return Array.isArray(value) ? (value as BranchNode[]) : [];
}
