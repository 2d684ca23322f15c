/**
 * @module `/api/sources` and `/api/source-types`: the sources through the API — list and read every source
 * file with its state, its file problems and the broker's reason when the broker refused it; validate, save
 * (canonical file, started at once) and delete; and the source types with their config schemas, from which the
 * editor builds its forms.
 */
import { Router, type Request } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { SourceManager } from '../../bus/sources/source-manager.js';
import { badRequest } from './errors.js';

/** `GET /source-types`, `GET /sources[/:id]`, `PUT|DELETE /sources/:id` and `POST /sources/validate`, under `/api`. */
export function sourcesRouter(sources: SourceManager): Router {
  const router = Router();
  const notFound = (id: string) => new FlowbusError('SOURCE:NOT_FOUND', `no source "${id}"`);
  router.get('/source-types', (_request, response) => {
    const types = sources.types().map(({ type, title, description, config }) => ({ type, title, description, config }));
    response.json({ types });
  });
  router.get('/sources', (_request, response) => {
    response.json({ sources: sources.list() });
  });
  router.post('/sources/validate', (request, response) => {
    const id = typeof request.query.id === 'string' ? request.query.id : 'source';
    const issues = sources.check(id, bodyOf(request));
    response.json({ valid: issues.length === 0, issues });
  });
  router.get('/sources/:id', (request, response) => {
    const { id } = request.params;
    const source = sources.get(id);
    if (!source) throw notFound(id);
    response.json({ ...source, source: sources.json(id) });
  });
  router.put('/sources/:id', async (request, response) => {
    const { id } = request.params;
    const { created, source } = await sources.save(id, bodyOf(request));
    response.status(created ? 201 : 200).json({ ...source, source: sources.json(id) });
  });
  router.delete('/sources/:id', async (request, response) => {
    if (!(await sources.delete(request.params.id))) throw notFound(request.params.id);
    response.status(204).end();
  });
  return router;
}

function bodyOf(request: Request): unknown {
  if (request.body === undefined) throw badRequest('expected a JSON body');
  return request.body;
}
