/**
 * @module Flow actions: validate without saving (problems and warnings), publish and unpublish, dry runs that
 * return the full trace and, for an HTTP flow, the reply it would send.
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { StepStub } from '../../runtime/types.js';
import { findFlowWarnings } from '../../flow/warnings.js';
import { compileFlow } from '../../runtime/index.js';
import { summarizeFlow } from '../flows/flow-state.js';
import type { ApiContext } from './context.js';
import { dryRunInput } from './dry-run-input.js';
import { dryRunReply } from './dry-run-reply.js';
import { badRequest } from './errors.js';

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Problems after which the document is not walked again. */
const UNWALKABLE_CODES = ['json-depth', 'flow-too-large'];

export function flowActionsRouter(context: ApiContext): Router {
  const router = Router();
  const { catalog } = context;

  router.post('/flows/validate', (request, response) => {
    const body = objectBody(request.body);
    if (body.id !== undefined && typeof body.id !== 'string') throw badRequest('"id" must be a string');
    const issues = catalog.validate(body.document, body.id as string | undefined);
    // Warnings show beside problems as the editor edits, except for a document too large or deep to walk.
    const unbounded = issues.some((issue) => UNWALKABLE_CODES.includes(issue.code));
    const warnings = unbounded ? [] : findFlowWarnings(body.document, context.registry);
    response.json({ valid: issues.length === 0, issues, warnings });
  });

  for (const [action, published] of [['publish', true], ['unpublish', false]] as const) {
    router.post(`/flows/:id/${action}`, async (request, response) => {
      const state = await catalog.setPublished(request.params.id, published);
      response.json(summarizeFlow(state));
    });
  }

  router.post('/flows/:id/dry-run', async (request, response) => {
    const { id } = request.params;
    const body = objectBody(request.body);
    let flow;
    let flowVersion: string | undefined;
    if (body.document !== undefined) {
      const issues = catalog.validate(body.document, id);
      if (issues.length > 0) {
        throw new FlowbusError('VALIDATION', `the document has ${issues.length} problem(s)`, { issues });
      }
      flow = compileFlow(id, body.document as never, context.registry);
    } else {
      const state = catalog.get(id);
      if (!state) throw new FlowbusError('FLOW:NOT_FOUND', `no flow with id "${id}"`);
      if (!state.valid) {
        const message = `flow "${id}" has no valid version to run`;
        throw new FlowbusError('VALIDATION', message, { issues: state.issues });
      }
      flow = state.valid.compiled;
      flowVersion = state.valid.version;
    }
    if (body.stubs !== undefined && (typeof body.stubs !== 'object' || body.stubs === null)) {
      throw badRequest('"stubs" must be an object of step id -> { output } or { error }');
    }
    const input = dryRunInput(body, flow.document);
    const { stored, record } = await context.runner.run(flow, input, {
      trigger: 'dry-run',
      dryRun: true,
      flowVersion,
      stubs: body.stubs as Record<string, StepStub> | undefined,
    });
    const reply = await dryRunReply(flow, record, context.config.limits.replyBytes);
    response.json(reply ? { ...stored, reply } : stored);
  });
  return router;
}
