/**
 * @module `/api/health`, `/api/ready` and `/api/metrics`: what probes and Prometheus read; and
 * `/api/metrics/history`, the last hour per minute that the console charts.
 */
import { Router } from 'express';
import { flowStatus } from '../flows/flow-state.js';
import { MINUTE_MS } from '../../metrics/history.js';
import type { ApiContext } from './context.js';

export function healthRouter(context: ApiContext): Router {
  const router = Router();
  const { lifecycle } = context;
  router.get('/health', (_request, response) => {
    const up = lifecycle.state === 'ready';
    const problems = context.health.problems();
    const status = !up ? lifecycle.state : problems.length > 0 ? 'degraded' : 'ok';
    response.status(up ? 200 : 503).json({
      status,
      uptimeSeconds: Math.round((Date.now() - lifecycle.startedAt) / 1000),
      ...(problems.length > 0 ? { problems } : {}),
    });
  });
  router.get('/ready', (_request, response) => {
    const ready = lifecycle.state === 'ready';
    response.status(ready ? 200 : 503).json({
      ready,
      state: lifecycle.state,
      runningExecutions: context.runner.running,
      flows: context.catalog.list().length,
    });
  });
  router.get('/metrics', async (_request, response) => {
    const counts: Record<string, number> = { published: 0, outdated: 0, invalid: 0, unpublished: 0 };
    for (const state of context.catalog.list()) counts[flowStatus(state)]! += 1;
    context.metrics.flows(counts);
    // One registry: the bus's and the sources' metrics are on it too.
    const text = await context.metrics.text();
    response.type(context.metrics.contentType).send(text);
  });
  router.get('/metrics/history', (_request, response) => {
    response.json({ minuteMs: MINUTE_MS, ...context.metrics.history.snapshot() });
  });
  return router;
}
