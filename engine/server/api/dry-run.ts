/**
 * @module A dry run of a flow (side effects stubbed, the full trace kept in the history): of the document
 * given (the editor's draft) or of the flow's published valid version. Used by the flow's dry-run route and
 * by "run again with this input" on an execution. An HTTP flow's run adds the reply it would have sent.
 */
import { FlowbusError } from '../../core/errors.js';
import { compileFlow } from '../../runtime/index.js';
import type { CompiledFlow, ExecutionInput, StepStub } from '../../runtime/types.js';
import type { StoredExecution } from '../../store/types.js';
import type { ApiContext } from './context.js';
import { dryRunReply } from './dry-run-reply.js';
import { badRequest } from './errors.js';

/** What a dry run runs: the compiled flow, and the version of the file when it is the published one. */
function flowToRun(context: ApiContext, flowId: string, document: unknown): { flow: CompiledFlow; flowVersion?: string } {
  const { catalog } = context;
  if (document !== undefined) {
    const issues = catalog.validate(document, flowId);
    if (issues.length > 0) {
      throw new FlowbusError('VALIDATION', `the document has ${issues.length} problem(s)`, { issues });
    }
    return { flow: compileFlow(flowId, document as never, context.registry) };
  }
  const state = catalog.require(flowId);
  if (!state.valid) {
    throw new FlowbusError('VALIDATION', `flow "${flowId}" has no valid version to run`, { issues: state.issues });
  }
  return { flow: state.valid.compiled, flowVersion: state.valid.version };
}

export interface DryRunRequest {
  /** The document to run instead of the published flow. */
  document?: unknown;
  /** Stubs by step id, as the request gave them (checked here). */
  stubs?: unknown;
  /** The input, or a function of the flow's document (the sample event, for one). */
  input: ExecutionInput | ((flow: CompiledFlow) => ExecutionInput);
}

/** Runs `flowId` dry and answers the stored record, with the reply it would send for an HTTP flow. */
export async function dryRunFlow(
  context: ApiContext,
  flowId: string,
  request: DryRunRequest,
): Promise<StoredExecution & { reply?: unknown }> {
  const { flow, flowVersion } = flowToRun(context, flowId, request.document);
  if (request.stubs !== undefined && (typeof request.stubs !== 'object' || request.stubs === null)) {
    throw badRequest('"stubs" must be an object of step id -> { output } or { error }');
  }
  const input = typeof request.input === 'function' ? request.input(flow) : request.input;
  const { stored, record } = await context.runner.run(flow, input, {
    trigger: 'dry-run',
    dryRun: true,
    flowVersion,
    stubs: request.stubs as Record<string, StepStub> | undefined,
  });
  const reply = await dryRunReply(flow, record, context.config.limits.replyBytes);
  return reply ? { ...stored, reply } : stored;
}
