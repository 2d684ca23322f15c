/**
 * @module `/api/changes` and `/api/flows/:id/changes`: when the flows folder is in a git work tree, what
 * changed since the last commit, in steps - the diff `flowbus diff` prints.
 */
import { Router } from 'express';
import { relative, sep } from 'node:path';
import { diffDocuments, diffSnapshots, documentKindOf } from '../../flow-diff/index.js';
import { findWorkTree, readRevisionFile } from '../../git/git.js';
import { snapshotsSinceHead } from '../../git/snapshots.js';
import type { ApiContext } from './context.js';
import { badRequest } from './errors.js';

/** The id of a flow, rule or bus file from its path under the flows folder. */
function idOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.(flow|rule|bus)\.json$/, '');
}

export function changesRouter(context: ApiContext): Router {
  const router = Router();
  const { catalog, config, registry } = context;

  router.get('/changes', async (_request, response) => {
    const snapshots = await snapshotsSinceHead(config.flowsDir);
    if (!snapshots) return void response.json({ git: false, files: [] });
    const files = diffSnapshots(snapshots.head, snapshots.work, { registry }).map((file) => ({
      file: file.file,
      kind: file.kind,
      id: idOf(file.file),
      status: file.status,
      changes: file.changes.length,
    }));
    response.json({ git: true, files });
  });

  const flowChanges = async (id: string, document: unknown) => {
    const state = catalog.require(id);
    const tree = await findWorkTree(config.flowsDir);
    if (!tree) return { git: false, status: 'untracked', changes: [] };
    const path = relative(config.flowsDir, state.path).split(sep).join('/');
    const committed = await readRevisionFile(tree, 'HEAD', path);
    let base: unknown;
    try {
      base = committed === undefined ? undefined : JSON.parse(committed);
    } catch {
      base = undefined;
    }
    const changes = diffDocuments(base, document, documentKindOf(path) ?? 'flow', { registry });
    const status = committed === undefined ? 'added' : changes.length > 0 ? 'modified' : 'unchanged';
    return { git: true, file: state.file, status, changes };
  };

  router.get('/flows/:id/changes', async (request, response) => {
    const state = catalog.get(request.params.id);
    response.json(await flowChanges(request.params.id, state?.json));
  });
  router.post('/flows/:id/changes', async (request, response) => {
    const body = request.body as { document?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || !('document' in body)) {
      throw badRequest('the body must be { "document": {...} }: the flow to compare with the last commit');
    }
    response.json(await flowChanges(request.params.id, body.document));
  });
  return router;
}
