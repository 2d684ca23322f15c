/**
 * @module Rule and bus file validation: every problem with its file, JSON pointer, code and what was
 * expected; a valid rule comes back compiled.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { joinPointer, type ValidationIssue } from '../../core/issues.js';
import { DEFAULT_JSON_DEPTH, depthExcessMessage, findValueDepthExcess } from '../../core/json-depth.js';
import { compileCached, createCachedAjv } from '../../core/validator-cache.js';
import { issuesFromAjvErrors } from '../../json/ajv-issues.js';
import { findConflictMarkers, withConflictMarkers } from '../../flow-diff/conflict-marker.js';
import { sortByDocumentOrder } from '../../json/issue-order.js';
import { parsePattern } from '../pattern/index.js';
import type { TargetRegistry } from '../targets/registry.js';
import { compileTransform, type TransformFunction } from '../transform/compile.js';
import type { TargetTypeDefinition } from '../types.js';
import { compileTarget, ruleBus, type CompiledRule } from './compiled-rule.js';
import type { RuleDocument } from './format.js';
import { generateBusSchema, generateRuleSchema } from './schema.js';

export interface ValidateRuleOptions {
  /** The rule id (its file name); written into the compiled rule. */
  id: string;
  /** Written into every issue. */
  file?: string;
  targets: TargetRegistry;
  /** Ids of the buses that exist; when given, a rule on any other bus is an issue. */
  buses?: ReadonlySet<string>;
  /** Nesting of objects and arrays allowed in the rule; default DEFAULT_JSON_DEPTH. */
  maxJsonDepth?: number;
}

export type RuleValidation = { issues: ValidationIssue[]; rule?: CompiledRule };

// The schemas are generated here, so their validators are kept between runs (compileCached), for start-up time.
const ajv = createCachedAjv();
const ruleValidators = new WeakMap<TargetRegistry, ValidateFunction>();
const busValidator = compileCached(ajv, withoutId(generateBusSchema()));

/** The schema without its `$id`: ajv keeps schemas by id, and each target registry has its own. */
function withoutId(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, ...rest } = schema;
  return rest;
}

function ruleValidator(targets: TargetRegistry): ValidateFunction {
  let validator = ruleValidators.get(targets);
  if (!validator) {
    validator = compileCached(ajv, withoutId(generateRuleSchema(targets.list())));
    ruleValidators.set(targets, validator);
  }
  return validator;
}

/**
 * Checks a parsed rule file and returns every problem, in document order; the compiled rule when it has none.
 *
 * @example
 * const options = { id: 'cvm', file: 'flows/cvm.rule.json', targets };
 * const { issues, rule } = validateRule(JSON.parse(text), options);
 */
export function validateRule(json: unknown, options: ValidateRuleOptions): RuleValidation {
  const checked = checkRule(json, options);
  // A file the merge driver left with conflicts is reported at each conflicting target first, never compiled.
  if (findConflictMarkers(json).length === 0) return checked;
  return { issues: withConflictMarkers(json, checked.issues, options.file) };
}

function checkRule(json: unknown, options: ValidateRuleOptions): RuleValidation {
  const issues: ValidationIssue[] = [];
  const add = (pointer: string, code: string, message: string) => issues.push({ pointer, code, message });
  // Before anything walks the value: the schema validator, the compilers and the canonical writer recurse.
  const tooDeep = findValueDepthExcess(json, options.maxJsonDepth ?? DEFAULT_JSON_DEPTH);
  if (tooDeep) {
    add(tooDeep.pointer, 'json-depth', depthExcessMessage(tooDeep));
    return finish(issues, json, options);
  }
  const validate = ruleValidator(options.targets);
  if (!validate(json)) {
    for (const issue of issuesFromAjvErrors(validate.errors ?? [], '')) issues.push({ ...issue });
  }
  if (!isObject(json)) return finish(issues, json, options);
  const document = json as unknown as RuleDocument;
  if (isObject(json.pattern)) {
    const parsed = parsePattern(json.pattern);
    if (!parsed.ok) {
      for (const issue of parsed.issues) add(`/pattern${issue.pointer}`, 'invalid-pattern', issue.message);
    }
  }
  let transform: TransformFunction | undefined;
  if (isObject(json.transform) && ('jsonata' in json.transform) === ('template' in json.transform)) {
    const message = 'a transform has either "template" (with "inputPaths") or "jsonata", exactly one of them';
    add('/transform', 'invalid-value', message);
  } else if (isObject(json.transform) && 'jsonata' in json.transform && 'inputPaths' in json.transform) {
    add('/transform/inputPaths', 'invalid-value', '"inputPaths" go with "template", not with "jsonata"');
  } else if (isObject(json.transform) && !issues.some((issue) => issue.pointer.startsWith('/transform'))) {
    const compiled = compileTransform(document.transform!);
    if (compiled.ok) transform = compiled.apply;
    else for (const issue of compiled.issues) add(issue.pointer, issue.code, issue.message);
  }
  checkTargets(document, options, add, issues);
  const ruleQueue = document.deadLetterQueue;
  const ruleQueueType = isObject(ruleQueue) && typeof ruleQueue.type === 'string' ? options.targets.get(ruleQueue.type) : undefined;
  if (ruleQueueType) checkTargetConfig(ruleQueueType, ruleQueue!.config, '/deadLetterQueue/config', add, issues);
  const bus = typeof json.bus === 'string' ? json.bus : ruleBus({});
  if (options.buses && !options.buses.has(bus)) {
    const known = [...options.buses].join(', ');
    add('/bus', 'unknown-bus', `no bus "${bus}": create flows/${bus}.bus.json or use one of ${known}`);
  }
  if (issues.length > 0) return finish(issues, json, options);
  const parsed = parsePattern(document.pattern);
  if (!parsed.ok) return finish(issues, json, options);
  const rule: CompiledRule = {
    id: options.id,
    ...(options.file === undefined ? {} : { file: options.file }),
    document,
    bus,
    enabled: document.enabled ?? true,
    pattern: parsed.pattern,
    ...(transform ? { transform } : {}),
    targets: document.targets.map((target) => {
      return compileTarget(target, options.targets.get(target.type)!, document, (type) => options.targets.get(type));
    }),
  };
  return { issues: [], rule };
}

type AddIssue = (pointer: string, code: string, message: string) => void;

/**
 * The type's own checks of a config, once the schema found nothing wrong inside it (a config the schema
 * refused may lack what `check` reads).
 */
function checkTargetConfig(
  definition: TargetTypeDefinition,
  config: unknown,
  at: string,
  add: AddIssue,
  issues: readonly ValidationIssue[],
): void {
  if (!definition.check) return;
  if (issues.some((issue) => issue.pointer === at || issue.pointer.startsWith(`${at}/`))) return;
  if (config !== undefined && !isObject(config)) return;
  for (const issue of definition.check(config ?? {})) add(`${at}${issue.pointer}`, issue.code, issue.message);
}

function checkTargets(
  document: RuleDocument,
  options: ValidateRuleOptions,
  add: AddIssue,
  issues: readonly ValidationIssue[],
): void {
  if (!Array.isArray(document.targets)) return;
  const seen = new Set<string>();
  document.targets.forEach((target, index) => {
    if (!isObject(target)) return;
    const at = joinPointer('/targets', index);
    if (typeof target.id === 'string') {
      if (seen.has(target.id)) {
        add(`${at}/id`, 'duplicate-target-id', `target id "${target.id}" is used twice`);
      }
      seen.add(target.id);
    }
    const definition = typeof target.type === 'string' ? options.targets.get(target.type) : undefined;
    if (definition && target.batch !== undefined && !definition.batching) {
      add(`${at}/batch`, 'batch-not-supported', `a ${definition.type} target does not take batch delivery`);
    }
    if (definition) checkTargetConfig(definition, target.config, `${at}/config`, add, issues);
    const queue = target.deadLetterQueue;
    const queueDefinition = isObject(queue) && typeof queue.type === 'string' ? options.targets.get(queue.type) : undefined;
    if (queueDefinition) checkTargetConfig(queueDefinition, queue!.config, `${at}/deadLetterQueue/config`, add, issues);
    const retry = isObject(target.retry) ? target.retry : {};
    if (typeof retry.initialDelayMs === 'number' && typeof retry.maxDelayMs === 'number') {
      if (retry.initialDelayMs > retry.maxDelayMs) {
        add(`${at}/retry/maxDelayMs`, 'invalid-value', 'maxDelayMs must not be less than initialDelayMs');
      }
    }
  });
}

/** Checks a parsed bus file; every problem, in document order. */
export function validateBus(json: unknown, file?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!busValidator(json)) {
    for (const issue of issuesFromAjvErrors(busValidator.errors ?? [], '')) issues.push({ ...issue });
  }
  return withConflictMarkers(json, withFile(sortByDocumentOrder(issues, json), file), file);
}

function finish(issues: ValidationIssue[], json: unknown, options: ValidateRuleOptions): RuleValidation {
  return { issues: withFile(sortByDocumentOrder(issues, json), options.file) };
}

function withFile(issues: ValidationIssue[], file: string | undefined): ValidationIssue[] {
  if (file === undefined) return issues;
  return issues.map(({ pointer, code, message }) => ({ file, pointer, code, message }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
