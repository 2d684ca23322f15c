/**
 * @module `/api/executions`: the history, filtered by flow, status, trigger and time, and one execution's full trace.
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { ExecutionStatus } from '../../runtime/types.js';
import { MAX_EXECUTION_LIMIT } from '../../store/execution-query.js';
import type { ExecutionQuery } from '../../store/types.js';
import type { ApiContext } from './context.js';
import { badRequest } from './errors.js';

const STATUSES: readonly ExecutionStatus[] = ['succeeded', 'failed', 'cancelled', 'timed-out'];

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`query parameter "${name}" must be given once`);
  return value;
}

/** A time as epoch milliseconds or an ISO 8601 date. */
function time(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(parsed)) throw badRequest(`"${name}" must be epoch milliseconds or an ISO 8601 date`);
  return parsed;
}

/** Reads `flow`, `status`, `trigger`, `since`, `until` and `limit` from a query string. */
export function executionQuery(query: Record<string, unknown>): ExecutionQuery {
  const result: ExecutionQuery = {};
  const flow = single(query.flow, 'flow');
  if (flow !== undefined) result.flowId = flow;
  const status = single(query.status, 'status');
  if (status !== undefined) {
    if (!STATUSES.includes(status as ExecutionStatus)) {
      throw badRequest(`"status" must be one of ${STATUSES.join(', ')}`);
    }
    result.status = status as ExecutionStatus;
  }
  const trigger = single(query.trigger, 'trigger');
  if (trigger !== undefined) result.trigger = trigger;
  const since = time(single(query.since, 'since'), 'since');
  if (since !== undefined) result.since = since;
  const until = time(single(query.until, 'until'), 'until');
  if (until !== undefined) result.until = until;
  const limit = single(query.limit, 'limit');
  if (limit !== undefined) {
    const number = Number(limit);
    if (!Number.isInteger(number) || number < 1 || number > MAX_EXECUTION_LIMIT) {
      throw badRequest(`"limit" must be an integer from 1 to ${MAX_EXECUTION_LIMIT}`);
    }
    result.limit = number;
  }
  return result;
}

export function executionsRouter(context: ApiContext): Router {
  const router = Router();
  router.get('/executions', async (request, response) => {
    const query = executionQuery(request.query as Record<string, unknown>);
    const executions = await context.store.listExecutions(query);
    response.json({ executions });
  });
  router.get('/executions/:id', async (request, response) => {
    const execution = await context.store.getExecution(request.params.id);
    if (!execution) {
      throw new FlowbusError('EXECUTION:NOT_FOUND', `no execution "${request.params.id}" in the history`);
    }
    response.json(execution);
  });
  return router;
}
