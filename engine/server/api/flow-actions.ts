/**
 * @module Flow actions: validate without saving (problems and warnings), publish and unpublish, dry runs that
 * return the full trace and, for an HTTP flow, the reply it would send.
 */
import { Router } from 'express';
import type { CompiledFlow } from '../../runtime/types.js';
import { findFlowWarnings } from '../../flow/warnings.js';
import { summarizeFlow } from '../flows/flow-state.js';
import type { ApiContext } from './context.js';
import { dryRunFlow } from './dry-run.js';
import { dryRunInput } from './dry-run-input.js';
import { badRequest, optionalObjectBody as objectBody } from './errors.js';

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
    const body = objectBody(request.body);
    const input = (flow: CompiledFlow) => dryRunInput(body, flow.document);
    response.json(await dryRunFlow(context, request.params.id, { document: body.document, stubs: body.stubs, input }));
  });
  return router;
}
