/**
 * @module Checks the step tree of a flow: step nodes, their ids, types, scopes and branches.
 */
import type { ValidationIssue } from '../core/issues.js';
import { joinPointer } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { ScopeSpec, StepDefinition } from '../core/step-definition.js';
import { closestName } from '../json/closest-name.js';
import { BRANCH_NODE_KEYS, MAX_SCOPE_DEPTH, STEP_ID_MAX_LENGTH, STEP_ID_PATTERN, STEP_NODE_KEYS } from './document.js';
import { checkConfig, flowReferenceFields } from './validate-config.js';

/** What the walk over one flow shares. */
export interface TreeCheck {
  registry: Registry;
  knownFlows?: ReadonlySet<string>;
  issues: ValidationIssue[];
  /** Each id seen so far and the pointer of the node that has it. */
  ids: Map<string, string>;
  /** How many sequences enclose the node being checked (the flow's own steps: 1). */
  scopeDepth: number;
}

/** Where a step node stands: the flow's trigger, or a step in a sequence. */
export type StepPlace = 'trigger' | 'step';

type BranchScope = Extract<ScopeSpec, { kind: 'branches' }>;

interface BranchOwner {
  definition: StepDefinition;
  scope: BranchScope;
}

/** Adds an issue at `pointer` about the step (or branch) `stepId`; returns undefined for early returns. */
type Report = (pointer: string, code: string, message: string) => undefined;

const ID_RULE =
  `a slug of lowercase letters, digits and "-" that starts with a letter or digit, ` +
  `at most ${STEP_ID_MAX_LENGTH} characters`;

/** Checks each step of a sequence; a sequence nested deeper than {@link MAX_SCOPE_DEPTH} is not entered. */
export function checkSequence(steps: unknown[], pointer: string, check: TreeCheck): void {
  if (check.scopeDepth >= MAX_SCOPE_DEPTH) {
    const message = `steps nest deeper than ${MAX_SCOPE_DEPTH} levels of scopes here`;
    reporter(check)(pointer, 'too-deep', `${message}; move some into another flow (a Flow Reference calls it)`);
    return;
  }
  check.scopeDepth += 1;
  steps.forEach((step, index) => checkStepNode(step, joinPointer(pointer, index), 'step', check));
  check.scopeDepth -= 1;
}

/** Checks a step node and everything nested in it. */
export function checkStepNode(node: unknown, pointer: string, place: StepPlace, check: TreeCheck): void {
  if (!isObject(node)) {
    const expected = place === 'trigger' ? 'a trigger step' : 'a step';
    reporter(check)(pointer, 'wrong-type', `expected ${expected} {"id", "type", ...}, got ${preview(node)}`);
    return;
  }
  const stepId = checkId(node, pointer, 'step', check);
  const report = reporter(check, stepId);
  const definition = checkType(node.type, joinPointer(pointer, 'type'), place, check, report);
  checkStrings(node, ['name', 'description'], pointer, report);
  if (node.disabled !== undefined && typeof node.disabled !== 'boolean') {
    report(joinPointer(pointer, 'disabled'), 'wrong-type', `"disabled" must be true or false`);
  }
  // A trigger among the steps (or a step as the trigger) is reported once; its config is not checked.
  const misplaced = definition && (definition.kind === 'trigger') !== (place === 'trigger');
  if (definition && !misplaced) {
    check.issues.push(
      ...checkConfig({
        registry: check.registry,
        schema: definition.config,
        value: node.config,
        pointer: joinPointer(pointer, 'config'),
        stepId,
        owner: `step type "${definition.type}"`,
        flowFields: flowReferenceFields(definition),
        knownFlows: check.knownFlows,
      }),
    );
  }
  if (definition) {
    for (const scope of definition.scopes ?? []) checkScope(node, pointer, scope, definition, check, report);
  }
  checkOtherKeys(node, pointer, definition, check, report);
}

function checkType(
  type: unknown,
  pointer: string,
  place: StepPlace,
  check: TreeCheck,
  report: Report,
): StepDefinition | undefined {
  const wantedTypes = check.registry
    .list()
    .filter((candidate) => (candidate.kind === 'trigger') === (place === 'trigger'))
    .map((candidate) => candidate.type);
  const oneOf = `one of ${wantedTypes.join(', ')}`;
  if (type === undefined) return report(pointer, 'missing-field', `missing "type": expected ${oneOf}`);
  if (typeof type !== 'string') {
    return report(pointer, 'wrong-type', `"type" must be a string, got ${preview(type)}`);
  }
  const definition = check.registry.get(type);
  if (!definition) {
    const owner = branchOwner(type, check.registry);
    if (owner) return report(pointer, 'misplaced-branch', misplacedBranchMessage(owner));
    const suggestion = closestName(type, wantedTypes);
    const hint = suggestion ? `did you mean ${suggestion}?` : `expected ${oneOf}`;
    return report(pointer, 'unknown-step-type', `unknown step type "${type}": ${hint}`);
  }
  if (place === 'trigger' && definition.kind !== 'trigger') {
    report(pointer, 'not-a-trigger', `"${type}" is not a trigger: a flow starts with ${oneOf}`);
  } else if (place === 'step' && definition.kind === 'trigger') {
    report(pointer, 'trigger-in-steps', `"${type}" is a trigger: it can only be the flow's "trigger"`);
  }
  return definition;
}

function checkScope(
  node: Record<string, unknown>,
  pointer: string,
  scope: ScopeSpec,
  definition: StepDefinition,
  check: TreeCheck,
  report: Report,
): void {
  const at = joinPointer(pointer, scope.key);
  const value = node[scope.key];
  const what = scope.kind === 'sequence' ? 'a list of steps' : `a list of ${scope.branchTitle} branches`;
  if (value === undefined && scope.kind === 'sequence' && scope.optional) return;
  if (value === undefined) {
    const holds = `a ${definition.title} step holds its ${scope.title} here as ${what} (may be empty)`;
    report(at, 'missing-field', `missing "${scope.key}": ${holds}`);
  } else if (!Array.isArray(value)) {
    report(at, 'wrong-type', `"${scope.key}" must be ${what}, got ${preview(value)}`);
  } else if (scope.kind === 'sequence') {
    checkSequence(value, at, check);
  } else {
    if (scope.minItems !== undefined && value.length < scope.minItems) {
      const needs = `a ${definition.title} step needs at least ${scope.minItems} ${scope.branchTitle}`;
      report(at, 'too-few-branches', `${needs} in "${scope.key}", got ${value.length}`);
    }
    value.forEach((branch, index) => checkBranch(branch, joinPointer(at, index), scope, definition, check));
  }
}

function checkBranch(
  branch: unknown,
  pointer: string,
  scope: BranchScope,
  definition: StepDefinition,
  check: TreeCheck,
): void {
  if (!isObject(branch)) {
    const expected = `a ${scope.branchTitle} {"id", "config", "steps"}`;
    reporter(check)(pointer, 'wrong-type', `expected ${expected}, got ${preview(branch)}`);
    return;
  }
  const branchId = checkId(branch, pointer, scope.branchTitle, check);
  const report = reporter(check, branchId);
  checkStrings(branch, ['name'], pointer, report);
  check.issues.push(
    ...checkConfig({
      registry: check.registry,
      schema: scope.branchConfig,
      value: branch.config,
      pointer: joinPointer(pointer, 'config'),
      stepId: branchId,
      owner: `${scope.branchTitle} of step type "${definition.type}"`,
      knownFlows: check.knownFlows,
    }),
  );
  const stepsPointer = joinPointer(pointer, 'steps');
  if (branch.steps === undefined) {
    const holds = `a ${scope.branchTitle} holds a list of steps (may be empty)`;
    report(stepsPointer, 'missing-field', `missing "steps": ${holds}`);
  } else if (!Array.isArray(branch.steps)) {
    report(stepsPointer, 'wrong-type', `"steps" must be a list of steps, got ${preview(branch.steps)}`);
  } else {
    checkSequence(branch.steps, stepsPointer, check);
  }
  for (const key of Object.keys(branch)) {
    if ((BRANCH_NODE_KEYS as readonly string[]).includes(key)) continue;
    const allowed = BRANCH_NODE_KEYS.join(', ');
    const message = `unknown key "${key}" on a ${scope.branchTitle}; allowed keys: ${allowed}`;
    report(joinPointer(pointer, key), 'unknown-key', message);
  }
}

function checkOtherKeys(
  node: Record<string, unknown>,
  pointer: string,
  definition: StepDefinition | undefined,
  check: TreeCheck,
  report: Report,
): void {
  const allowed = [...STEP_NODE_KEYS, ...(definition?.scopes ?? []).map((scope) => scope.key)];
  for (const [key, value] of Object.entries(node)) {
    if (allowed.includes(key)) continue;
    const at = joinPointer(pointer, key);
    if (!definition) {
      // The type is unknown, so its scope keys are too: still check what is nested, quietly.
      if (!Array.isArray(value)) continue;
      value.forEach((item, index) => checkGuessedNode(item, joinPointer(at, index), check));
      continue;
    }
    const owner = branchOwner(key, check.registry);
    if (!owner) {
      const list = allowed.join(', ');
      const message = `unknown key "${key}" on a ${definition.type} step; allowed keys: ${list}`;
      report(at, 'unknown-key', message);
      continue;
    }
    report(at, 'misplaced-branch', misplacedBranchMessage(owner));
    if (!Array.isArray(value)) continue;
    value.forEach((branch, index) => {
      checkBranch(branch, joinPointer(at, index), owner.scope, owner.definition, check);
    });
  }
}

/** An item of a list under a key no definition declares: a step when it has a type, else maybe a branch. */
function checkGuessedNode(item: unknown, pointer: string, check: TreeCheck): void {
  if (!isObject(item)) return;
  if ('type' in item) {
    checkStepNode(item, pointer, 'step', check);
  } else if (Array.isArray(item.steps)) {
    checkId(item, pointer, 'branch', check);
    checkSequence(item.steps, joinPointer(pointer, 'steps'), check);
  }
}

/** The scope whose branches are written under `key`, or whose branch is called `key`: a Try's `catch`. */
function branchOwner(key: string, registry: Registry): BranchOwner | undefined {
  for (const definition of registry.list()) {
    for (const scope of definition.scopes ?? []) {
      if (scope.kind !== 'branches') continue;
      const named = scope.key === key || scope.branchTitle.toLowerCase() === key.toLowerCase();
      if (named) return { definition, scope };
    }
  }
  return undefined;
}

function misplacedBranchMessage({ scope, definition }: BranchOwner): string {
  const noun = scope.key === 'catch' ? 'handler' : 'branch';
  return `a ${scope.branchTitle} ${noun} can only be inside a ${definition.title} step's ${scope.key} list`;
}

/** Checks a node's id (slug, unique in the flow) and returns it when it is a string. */
function checkId(node: Record<string, unknown>, pointer: string, what: string, check: TreeCheck) {
  const at = joinPointer(pointer, 'id');
  const { id } = node;
  const report = reporter(check);
  if (id === undefined) return report(at, 'missing-field', `missing "id": every ${what} needs ${ID_RULE}`);
  if (typeof id !== 'string') return report(at, 'wrong-type', `"id" must be ${ID_RULE}, got ${preview(id)}`);
  return checkIdText(id, pointer, check);
}

function checkIdText(id: string, pointer: string, check: TreeCheck): string {
  const at = joinPointer(pointer, 'id');
  const report = reporter(check, id);
  if (!STEP_ID_PATTERN.test(id) || id.length > STEP_ID_MAX_LENGTH) {
    report(at, 'invalid-step-id', `invalid id "${id}": expected ${ID_RULE}`);
  }
  const first = check.ids.get(id);
  if (first === undefined) check.ids.set(id, pointer);
  else report(at, 'duplicate-step-id', `duplicate id "${id}": already used at ${first}; ids must be unique`);
  return id;
}

function checkStrings(node: Record<string, unknown>, keys: string[], pointer: string, report: Report): void {
  for (const key of keys) {
    const value = node[key];
    if (value !== undefined && typeof value !== 'string') {
      report(joinPointer(pointer, key), 'wrong-type', `"${key}" must be a string, got ${preview(value)}`);
    }
  }
}

function reporter(check: TreeCheck, stepId?: string): Report {
  return (pointer, code, message) => {
    check.issues.push(stepId === undefined ? { pointer, code, message } : { pointer, stepId, code, message });
    return undefined;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
