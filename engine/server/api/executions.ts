/**
 * @module `/api/executions`: the history, filtered by flow, status, trigger, handled errors and time, paged
 * with a cursor; one execution's full trace; and "run again with this input" as a test run.
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { ExecutionStatus } from '../../runtime/types.js';
import { DEFAULT_EXECUTION_LIMIT, MAX_EXECUTION_LIMIT } from '../../store/execution-query.js';
import type { ExecutionQuery, StoredExecution } from '../../store/types.js';
import { alteredInputParts } from '../executions/replay-input.js';
import type { ApiContext } from './context.js';
import { dryRunFlow } from './dry-run.js';
import { badRequest, optionalObjectBody } from './errors.js';
import { readQuery } from './query.js';

const STATUSES: readonly ExecutionStatus[] = ['succeeded', 'failed', 'cancelled', 'timed-out'];
const PARAMETERS = ['flow', 'status', 'trigger', 'handled', 'since', 'until', 'before', 'limit'];

/** Sets the fields that were given, leaving the others out. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/**
 * Reads `flow`, `status`, `trigger`, `handled`, `since`, `until`, `before` and `limit` from a query string;
 * an unknown parameter or a bad value is a 400 that names it and says what is expected.
 */
export function executionQuery(query: Record<string, unknown>): ExecutionQuery {
  const read = readQuery(query, PARAMETERS);
  const result: ExecutionQuery = defined({
    flowId: read.string('flow'),
    status: read.oneOf('status', STATUSES),
    trigger: read.string('trigger'),
    handled: read.boolean('handled'),
    since: read.time('since'),
    until: read.time('until'),
    before: read.string('before'),
    limit: read.integer('limit', { min: 1, max: MAX_EXECUTION_LIMIT }),
  });
  if (result.since !== undefined && result.until !== undefined && result.since > result.until) {
    throw badRequest('query parameters "since" and "until": "since" is later than "until"');
  }
  return result;
}

async function storedExecution(context: ApiContext, id: string): Promise<StoredExecution> {
  const execution = await context.store.getExecution(id);
  if (!execution) throw new FlowbusError('EXECUTION:NOT_FOUND', `no execution "${id}" in the history`);
  return execution;
}

/** The stored input, refused when the history kept it redacted or cut: it is not what the execution had. */
function replayableInput(execution: StoredExecution) {
  const altered = alteredInputParts(execution.input);
  if (altered.length === 0) return execution.input;
  const where = altered.map((part) => `/input${part.pointer} (${part.reason})`).join(', ');
  const message = `execution "${execution.id}" cannot be run again with its stored input: ${where} is not what it was given; edit the input in a test run instead`;
  const issues = altered.map((part) => ({
    pointer: `/input${part.pointer}`,
    code: part.reason,
    message: part.reason === 'redacted' ? 'kept as [redacted] in the history' : 'kept as a preview in the history',
  }));
  throw new FlowbusError('EXECUTION:NOT_REPLAYABLE', message, { issues });
}

export function executionsRouter(context: ApiContext): Router {
  const router = Router();
  router.get('/executions', async (request, response) => {
    const query = executionQuery(request.query as Record<string, unknown>);
    if (query.before !== undefined) await storedExecution(context, query.before).catch(() => {
      throw badRequest(`query parameter "before": no execution "${query.before}" in the history (dropped by retention?)`);
    });
    const executions = await context.store.listExecutions(query);
    const page = query.limit ?? DEFAULT_EXECUTION_LIMIT;
    const next = executions.length === page ? executions.at(-1)?.id : undefined;
    response.json(next ? { executions, next } : { executions });
  });
  router.get('/executions/:id', async (request, response) => {
    response.json(await storedExecution(context, request.params.id));
  });
  router.post('/executions/:id/replay', async (request, response) => {
    const body = optionalObjectBody(request.body);
    const execution = await storedExecution(context, request.params.id);
    const input = replayableInput(execution);
    response.json(await dryRunFlow(context, execution.flowId, { document: body.document, stubs: body.stubs, input }));
  });
  return router;
}
