/**
 * @module `/api/drafts` and `/api/flows/:id/draft`: the editor's draft of a flow (kept in the data folder,
 * may be invalid), its changes against the published file, and publishing it — validated, then written to the
 * flows folder as saving does. Revisions are ETags; `If-Match` and `If-None-Match: *` refuse stale writes (412).
 */
import { Router, type Request, type Response } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { diffDocuments } from '../../flow-diff/index.js';
import type { FlowDraft } from '../flows/drafts.js';
import { newFlowPath } from '../flows/flow-file.js';
import type { ApiContext } from './context.js';
import { badRequest } from './errors.js';
import { flowDetail, ifMatch } from './flows.js';

function sendDraft(response: Response, draft: FlowDraft, status = 200): void {
  response.status(status).set('ETag', `"${draft.revision}"`).json(draft);
}

function preconditions(request: Request) {
  return { ifMatch: ifMatch(request.get('If-Match')), ifNoneMatch: request.get('If-None-Match')?.trim() === '*' };
}

/** The body of a draft write: `{ document, baseVersion }`. */
function draftInput(body: unknown): { document: unknown; baseVersion: string | null } {
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!record || !('document' in record)) {
    throw badRequest('the body must be { "document": {...}, "baseVersion": "<flow version>" | null }');
  }
  const { baseVersion } = record;
  if (baseVersion !== undefined && baseVersion !== null && typeof baseVersion !== 'string') {
    throw badRequest('"baseVersion" must be the version of the flow file the draft started from, or null');
  }
  return { document: record.document, baseVersion: baseVersion ?? null };
}

export function draftsRouter(context: ApiContext): Router {
  const router = Router();
  const { catalog, drafts, registry } = context;
  const requireDraft = async (id: string) => {
    const draft = await drafts.get(id);
    if (!draft) throw new FlowbusError('DRAFT:NOT_FOUND', `flow "${id}" has no draft`, { flowId: id });
    return draft;
  };

  router.get('/drafts', async (_request, response) => {
    response.json({ drafts: await drafts.list() });
  });
  router.get('/flows/:id/draft', async (request, response) => {
    sendDraft(response, await requireDraft(request.params.id));
  });
  router.put('/flows/:id/draft', async (request, response) => {
    const { id } = request.params;
    // A draft of a flow without a file names a file to be: its id must be one a new flow may have.
    if (!catalog.get(id)) newFlowPath(context.config.flowsDir, id);
    const { draft, created } = await drafts.put(id, draftInput(request.body), preconditions(request));
    sendDraft(response, draft, created ? 201 : 200);
  });
  router.delete('/flows/:id/draft', async (request, response) => {
    const removed = await drafts.remove(request.params.id, preconditions(request));
    if (!removed) throw new FlowbusError('DRAFT:NOT_FOUND', `flow "${request.params.id}" has no draft`);
    response.status(204).end();
  });

  router.get('/flows/:id/draft/changes', async (request, response) => {
    const { id } = request.params;
    const draft = await requireDraft(id);
    const published = catalog.get(id)?.json;
    const changes = diffDocuments(published, draft.document, 'flow', { registry });
    const status = published === undefined ? 'added' : changes.length > 0 ? 'modified' : 'unchanged';
    response.json({ flowId: id, revision: draft.revision, baseVersion: draft.baseVersion, status, changes });
  });

  // Validates the draft and writes the flow file; the draft is gone once published. With `overwrite`, a file
  // that changed since the draft's base version is replaced (the editor asks first).
  router.post('/flows/:id/draft/publish', async (request, response) => {
    const { id } = request.params;
    const draft = await requireDraft(id);
    const expected = ifMatch(request.get('If-Match'));
    if (expected !== undefined && expected !== draft.revision) {
      const message = `the draft of flow "${id}" has changed since revision ${expected}: it is at revision ${draft.revision}`;
      throw new FlowbusError('FLOW:VERSION_MISMATCH', message, { flowId: id, revision: draft.revision });
    }
    const overwrite = (request.body as { overwrite?: unknown } | undefined)?.overwrite === true;
    const options = overwrite ? {} : draft.baseVersion === null ? { create: true } : { ifMatch: draft.baseVersion };
    const { state, created } = await catalog.save(id, draft.document, options);
    // Kept when it changed meanwhile: that newer work is not lost, it stays a draft.
    await drafts.remove(id, { ifMatch: draft.revision }).catch(() => false);
    response.status(created ? 201 : 200).set('ETag', `"${state.version}"`).json(flowDetail(state));
  });
  return router;
}
