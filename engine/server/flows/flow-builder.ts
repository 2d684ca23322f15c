/**
 * @module Turns the text of a flow file into its state: parsed, validated, compiled and prepared once per
 * version; and says in the log what became of it.
 */
import { FlowbusError } from '../../core/errors.js';
import { formatIssue, type ValidationIssue } from '../../core/issues.js';
import type { Registry } from '../../core/registry.js';
import { parseFlowText } from '../../flow/load.js';
import type { Logger } from '../../logging/logger.js';
import { compileFlow } from '../../runtime/index.js';
import type { CompiledFlow } from '../../runtime/types.js';
import { flowStatus, type FlowState } from './flow-state.js';
import { fileSizeIssue, stepCountIssue, type FlowSizeLimits } from './flow-size.js';

/** What building a state needs besides the file. */
export interface BuildContext<Prepared> {
  registry: Registry;
  prepare: (compiled: CompiledFlow, version: string) => Prepared;
  now: () => number;
  /** Ids of every flow, for Flow Reference checks. */
  knownFlows: ReadonlySet<string>;
  /** The publish switch of a flow seen for the first time. */
  published: boolean;
  maxJsonDepth?: number;
  /** How large a flow may be; a larger one is refused before it is validated. */
  sizeLimits: FlowSizeLimits;
  /** The issues of the text, when the caller validated it already. */
  issues?: ValidationIssue[];
}

/** The file of a flow and its content. */
export interface FlowFile {
  id: string;
  path: string;
  file: string;
  text: string;
  version: string;
}

/**
 * The state of a file's content. A valid version becomes the one served; an invalid one keeps the previous
 * valid version of `existing`.
 */
export function buildFlowState<Prepared>(
  source: FlowFile,
  existing: FlowState<Prepared> | undefined,
  context: BuildContext<Prepared>,
): FlowState<Prepared> {
  const { file } = source;
  const tooLarge = fileSizeIssue(source.text, context.sizeLimits);
  const parsed = tooLarge
    ? { issues: [{ file, ...tooLarge }] }
    : parseFlowText(source.text, file, context.registry, {
        knownFlows: context.knownFlows,
        maxJsonDepth: context.maxJsonDepth,
        precheck: (json) => stepCountIssue(json, context.sizeLimits),
        issues: context.issues,
      });
  const state: FlowState<Prepared> = {
    ...source,
    json: 'json' in parsed ? parsed.json : undefined,
    issues: parsed.issues,
    servingIssues: existing?.servingIssues ?? [],
    valid: existing?.valid,
    published: existing?.published ?? context.published,
  };
  if (!('document' in parsed) || !parsed.document) return state;
  try {
    const compiled = compileFlow(source.id, parsed.document, context.registry, { file, validated: true });
    const prepared = context.prepare(compiled, source.version);
    state.valid = { compiled, version: source.version, publishedAt: context.now(), prepared };
  } catch (thrown) {
    if (!(thrown instanceof FlowbusError) || thrown.type !== 'VALIDATION') throw thrown;
    const issues = (thrown.details?.issues as ValidationIssue[] | undefined) ?? [
      { pointer: String(thrown.details?.pointer ?? ''), code: 'invalid', message: thrown.message },
    ];
    state.issues = issues.map((issue) => ({ file, ...issue }));
  }
  return state;
}

/** Logs what became of a new version: published, republished, refused, or outdated (the old one serving). */
export function reportFlowState(logger: Logger, state: FlowState, previous: FlowState | undefined): void {
  const fields = { flowId: state.id, file: state.file, version: state.version };
  const status = flowStatus(state);
  if (state.issues.length === 0) {
    const loaded = status === 'unpublished' ? 'flow loaded (unpublished)' : 'flow published';
    logger.info(previous ? 'flow republished' : loaded, fields);
    return;
  }
  const issues = state.issues.map(formatIssue);
  const count = `${issues.length} problem(s)`;
  if (status === 'outdated') {
    const message = `flow "${state.id}" has ${count}; version ${state.valid!.version} keeps serving`;
    logger.warn(message, { ...fields, issues });
  } else {
    logger.warn(`flow "${state.id}" has ${count} and is not served`, { ...fields, issues });
  }
}
