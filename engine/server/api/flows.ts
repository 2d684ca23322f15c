/**
 * @module `/api/flows`: list with status, get, create, update and delete. Saving writes the canonical file
 * to the flows folder and republishes the flow at once; deleting a flow deletes its draft too.
 */
import { Router, type Response } from 'express';
import { summarizeFlow, type FlowState } from '../flows/flow-state.js';
import type { ApiContext } from './context.js';
import { badRequest } from './errors.js';

/** One flow in full: its summary, every problem, and the document as the file holds it. */
export function flowDetail(state: FlowState) {
  return {
    ...summarizeFlow(state),
    issues: [...state.issues, ...state.servingIssues],
    document: state.json ?? null,
  };
}

function sendFlow(response: Response, state: FlowState, status = 200): void {
  response.status(status).set('ETag', `"${state.version}"`).json(flowDetail(state));
}

/** The version an `If-Match` header names, without quotes; `*` and absent mean any. */
export function ifMatch(header: string | undefined): string | undefined {
  if (!header || header.trim() === '*') return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

export function flowsRouter(context: ApiContext): Router {
  const router = Router();
  const { catalog } = context;

  router.get('/flows', (_request, response) => {
    response.json({ flows: catalog.list().map(summarizeFlow) });
  });
  router.get('/flows/:id', (request, response) => {
    sendFlow(response, catalog.require(request.params.id));
  });
  router.post('/flows', async (request, response) => {
    const body = request.body as { id?: unknown; document?: unknown } | undefined;
    if (typeof body?.id !== 'string') {
      throw badRequest('the body must be { "id": "<flow-id>", "document": {...} }');
    }
    const { state } = await catalog.save(body.id, body.document, { create: true });
    response.location(`/api/flows/${encodeURIComponent(state.id)}`);
    sendFlow(response, state, 201);
  });
  router.put('/flows/:id', async (request, response) => {
    const { state, created } = await catalog.save(request.params.id, request.body, {
      ifMatch: ifMatch(request.get('If-Match')),
    });
    sendFlow(response, state, created ? 201 : 200);
  });
  router.delete('/flows/:id', async (request, response) => {
    await catalog.remove(request.params.id);
    // The flow is gone: so is the editor's draft of it.
    await context.drafts.remove(request.params.id);
    response.status(204).end();
  });
  return router;
}
