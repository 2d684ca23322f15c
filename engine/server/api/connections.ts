/**
 * @module `/api/connections` and `/api/connection-types`: named credentials, never answered with a secret.
 */
import { Router } from 'express';
import type { ApiContext } from './context.js';
import { badRequest } from './errors.js';

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`"${name}" must be a string`);
  return value;
}

export function connectionsRouter(context: ApiContext): Router {
  const router = Router();
  const { connections } = context;
  router.get('/connection-types', (_request, response) => {
    response.json({ connectionTypes: [...context.connectionTypes.values()] });
  });
  router.get('/connections', async (_request, response) => {
    response.json({ connections: await connections.list() });
  });
  router.post('/connections', async (request, response) => {
    const body = objectBody(request.body);
    const name = optionalText(body.name, 'name') ?? '';
    const created = await connections.create(name, {
      type: body.type as string,
      description: optionalText(body.description, 'description'),
      values: body.values as Record<string, unknown> | undefined,
    });
    response.status(201).location(`/api/connections/${encodeURIComponent(name)}`).json(created);
  });
  router.get('/connections/:name', async (request, response) => {
    response.json(await connections.get(request.params.name));
  });
  router.put('/connections/:name', async (request, response) => {
    const body = objectBody(request.body);
    const updated = await connections.update(request.params.name, {
      type: optionalText(body.type, 'type'),
      description: body.description === null ? null : optionalText(body.description, 'description'),
      values: body.values as Record<string, unknown> | undefined,
    });
    response.json(updated);
  });
  router.delete('/connections/:name', async (request, response) => {
    await connections.remove(request.params.name);
    response.status(204).end();
  });
  return router;
}
