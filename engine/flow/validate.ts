/**
 * @module Flow validation: every problem of a flow document, each with its file, pointer, step id, code and
 * what was expected.
 */
import type { ValidationIssue } from '../core/issues.js';
import { DEFAULT_JSON_DEPTH, depthExcessMessage, findValueDepthExcess } from '../core/json-depth.js';
import type { Registry } from '../core/registry.js';
import { withConflictMarkers } from '../flow-diff/conflict-marker.js';
import { EXECUTION_MODES, FLOW_FORMAT, FLOW_ROOT_KEYS } from './document.js';
import { sortByDocumentOrder } from '../json/issue-order.js';
import { checkSequence, checkStepNode, type TreeCheck } from './validate-node.js';

/** The flow formats this engine reads. */
export const SUPPORTED_FLOW_FORMATS: readonly string[] = [FLOW_FORMAT];

export interface ValidateFlowOptions {
  /** Written into every issue, as the CLI and the API show it. */
  file?: string;
  /** Ids of the flows that exist; when given, a Flow Reference to any other flow is an issue. */
  knownFlows?: ReadonlySet<string>;
  /** Nesting of objects and arrays allowed in the document; default {@link DEFAULT_JSON_DEPTH}. */
  maxJsonDepth?: number;
}

/**
 * Checks a parsed flow file against the flow format and the step registry, and returns every problem found,
 * in the order they appear in the document (none when the flow is valid); merge conflict markers come first.
 *
 * @example
 * const issues = validateFlow(JSON.parse(text), registry, { file: 'flows/echo.flow.json' });
 * for (const issue of issues) console.error(formatIssue(issue));
 */
export function validateFlow(
  document: unknown,
  registry: Registry,
  options: ValidateFlowOptions = {},
): ValidationIssue[] {
  // Checked first, so that the walks below (and whoever uses the document after them) meet bounded nesting.
  const tooDeep = checkJsonDepth(document, options);
  if (tooDeep.length > 0) return tooDeep;
  const { knownFlows } = options;
  const check: TreeCheck = { registry, knownFlows, issues: [], ids: new Map(), scopeDepth: 0 };
  checkRoot(document, check);
  const issues = sortByDocumentOrder(check.issues, document).map((issue) => withFile(issue, options.file));
  // A file the merge driver left with conflicts is reported at each conflicting step first.
  return withConflictMarkers(document, issues, options.file);
}

/**
 * The one `json-depth` issue of a document that nests more objects and arrays than `options.maxJsonDepth`
 * (default {@link DEFAULT_JSON_DEPTH}), or none. Run it before anything that walks the document recursively.
 */
export function checkJsonDepth(
  document: unknown,
  options: Pick<ValidateFlowOptions, 'file' | 'maxJsonDepth'> = {},
): ValidationIssue[] {
  const tooDeep = findValueDepthExcess(document, options.maxJsonDepth ?? DEFAULT_JSON_DEPTH);
  if (!tooDeep) return [];
  const issue = { pointer: tooDeep.pointer, code: 'json-depth', message: depthExcessMessage(tooDeep) };
  return [withFile(issue, options.file)];
}

/**
 * {@link validateFlow}, handing the event loop back between top-level steps every `sliceMs`, so that a large
 * flow is validated without holding the server. The same issues in the same order.
 */
export async function validateFlowSliced(
  document: unknown,
  registry: Registry,
  options: ValidateFlowOptions & { sliceMs?: number } = {},
): Promise<ValidationIssue[]> {
  const tooDeep = checkJsonDepth(document, options);
  if (tooDeep.length > 0) return tooDeep;
  const root = document as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.steps)) {
    return validateFlow(document, registry, options);
  }
  const check: TreeCheck = { registry, knownFlows: options.knownFlows, issues: [], ids: new Map(), scopeDepth: 0 };
  checkRoot({ ...root, steps: [] }, check);
  // The top-level sequence is one level of scopes, as checkSequence counts it in validateFlow.
  check.scopeDepth = 1;
  const sliceMs = options.sliceMs ?? 15;
  let sliceStart = performance.now();
  for (const [index, step] of root.steps.entries()) {
    checkStepNode(step, `/steps/${index}`, 'step', check);
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
  return sortByDocumentOrder(check.issues, document).map((issue) => withFile(issue, options.file));
}

/** The issue with its file first and without empty fields, as the CLI and the API print it. */
function withFile(issue: ValidationIssue, file: string | undefined): ValidationIssue {
  const { pointer, stepId, code, message } = issue;
  return {
    ...(file === undefined ? {} : { file }),
    pointer,
    ...(stepId === undefined ? {} : { stepId }),
    code,
    message,
  };
}

function checkRoot(document: unknown, check: TreeCheck): void {
  const add = (pointer: string, code: string, message: string) => {
    check.issues.push({ pointer, code, message });
  };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    add('', 'wrong-type', `a flow file must hold a JSON object {"format", "name", "trigger", "steps"}`);
    return;
  }
  const root = document as Record<string, unknown>;
  const formats = SUPPORTED_FLOW_FORMATS.map((format) => `"${format}"`).join(', ');
  if (root.format === undefined) add('/format', 'missing-field', `missing "format": expected ${formats}`);
  else if (!SUPPORTED_FLOW_FORMATS.includes(root.format as string)) {
    const message = `unsupported format ${JSON.stringify(root.format)}: supported formats are ${formats}`;
    add('/format', 'unsupported-format', message);
  }
  if (root.name === undefined) add('/name', 'missing-field', `missing "name": expected the flow's title`);
  else if (typeof root.name !== 'string' || root.name.trim() === '') {
    add('/name', 'wrong-type', `"name" must be a non-empty string, got ${JSON.stringify(root.name)}`);
  }
  for (const key of ['$schema', 'description'] as const) {
    if (root[key] === undefined || typeof root[key] === 'string') continue;
    add(`/${key}`, 'wrong-type', `"${key}" must be a string, got ${JSON.stringify(root[key])}`);
  }
  if (root.execution !== undefined && !(EXECUTION_MODES as readonly unknown[]).includes(root.execution)) {
    const got = JSON.stringify(root.execution);
    add('/execution', 'wrong-value', `"execution" must be "durable" or "express", got ${got}`);
  }
  if (root.trigger === undefined) {
    const triggers = check.registry.list().filter((definition) => definition.kind === 'trigger');
    const types = triggers.map((definition) => definition.type).join(', ');
    add('/trigger', 'missing-field', `missing "trigger": a flow starts with one trigger step (${types})`);
  } else {
    checkStepNode(root.trigger, '/trigger', 'trigger', check);
  }
  if (root.steps === undefined) add('/steps', 'missing-field', `missing "steps": expected a list of steps`);
  else if (!Array.isArray(root.steps)) add('/steps', 'wrong-type', `"steps" must be a list of steps`);
  else checkSequence(root.steps, '/steps', check);
  for (const key of Object.keys(root)) {
    if ((FLOW_ROOT_KEYS as readonly string[]).includes(key)) continue;
    const allowed = FLOW_ROOT_KEYS.join(', ');
    add(`/${key}`, 'unknown-key', `unknown key "${key}" in a flow; allowed keys: ${allowed}`);
  }
}
