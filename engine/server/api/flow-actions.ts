/**
 * @module Flow actions: validate without saving, publish and unpublish, dry runs that return the full trace.
 */
import { Router } from 'express';
import type { CompiledFlow } from '../../runtime/types.js';
import { summarizeFlow } from '../flows/flow-state.js';
import type { ApiContext } from './context.js';
import { dryRunFlow } from './dry-run.js';
import { dryRunInput } from './dry-run-input.js';
import { badRequest, optionalObjectBody as objectBody } from './errors.js';

export function flowActionsRouter(context: ApiContext): Router {
  const router = Router();
  const { catalog } = context;

  router.post('/flows/validate', (request, response) => {
    const body = objectBody(request.body);
    if (body.id !== undefined && typeof body.id !== 'string') throw badRequest('"id" must be a string');
    const issues = catalog.validate(body.document, body.id as string | undefined);
    response.json({ valid: issues.length === 0, issues });
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
