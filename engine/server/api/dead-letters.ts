/**
 * @module `/api/dead-letters`: the dead-letter store through the API — list (and count per bus, rule and
 * target), inspect, re-drive one or all that match, delete.
 */
import { Router, type Request } from 'express';
import { FlowbusError, toFlowError, type FlowError } from '../../core/errors.js';
import type { EventBus } from '../../bus/event-bus.js';
import type { DeadLetter } from '../../bus/stores/dead-letters.js';
import { readQuery } from './query.js';

/** Letters one "re-drive all" request tries at most; the answer says how many are left. */
export const MAX_REDRIVE_BATCH = 500;

/** A "re-drive all" request starts no further re-drive after this long (each waits for its target). */
export const REDRIVE_TIME_BUDGET_MS = 20_000;

/** The letters of one bus, rule and target: how many, and the newest failure. */
export interface DeadLetterGroup {
  bus: string;
  rule: string;
  target: string;
  targetType: string;
  count: number;
  lastFailedAt: number;
  lastError: FlowError;
}

function letterFilters(request: Request) {
  const query = readQuery(request.query);
  return { bus: query.string('bus'), rule: query.string('rule'), target: query.string('target') };
}

/** Groups letters (newest failure first, as the store lists them) by bus, rule and target. */
export function groupDeadLetters(letters: readonly DeadLetter[]): DeadLetterGroup[] {
  const groups = new Map<string, DeadLetterGroup>();
  for (const letter of letters) {
    const key = `${letter.bus}\u0000${letter.rule}\u0000${letter.target}`;
    const known = groups.get(key);
    if (known) known.count += 1;
    else {
      const { bus, rule, target, targetType, failedAt, error } = letter;
      groups.set(key, { bus, rule, target, targetType, count: 1, lastFailedAt: failedAt, lastError: error });
    }
  }
  return [...groups.values()];
}

/** `/dead-letters`, `/dead-letters/groups`, `/:id`, `/:id/redrive`, `/redrive` and DELETE `/:id`, under `/api`. */
export function deadLettersRouter(bus: EventBus): Router {
  const router = Router();
  router.get('/dead-letters', (request, response) => {
    response.json(bus.deadLetters.list({ ...letterFilters(request), ...readQuery(request.query).paging() }));
  });
  router.get('/dead-letters/groups', (request, response) => {
    const all = bus.deadLetters.list({ ...letterFilters(request), limit: Number.MAX_SAFE_INTEGER });
    response.json({ total: all.total, groups: groupDeadLetters(all.items) });
  });
  router.post('/dead-letters/redrive', async (request, response) => {
    const { total, items } = bus.deadLetters.list({ ...letterFilters(request), limit: MAX_REDRIVE_BATCH });
    const failed: Array<{ id: string; error: FlowError }> = [];
    let delivered = 0;
    let attempted = 0;
    const until = bus.clock.now() + REDRIVE_TIME_BUDGET_MS;
    // One at a time: a re-drive of thousands must not flood the target or the process.
    for (const letter of items) {
      if (bus.clock.now() > until) break;
      attempted += 1;
      try {
        await bus.redrive(letter.id);
        delivered += 1;
      } catch (thrown) {
        const error = toFlowError(thrown);
        failed.push({ id: letter.id, error: (error.details?.error as FlowError | undefined) ?? error });
      }
    }
    response.json({ attempted, delivered, failed, remaining: total - delivered });
  });
  router.get('/dead-letters/:id', (request, response) => {
    const letter = bus.deadLetters.get(request.params.id);
    if (!letter) throw new FlowbusError('BUS:DEAD_LETTER_NOT_FOUND', `no dead letter "${request.params.id}"`);
    response.json(letter);
  });
  router.post('/dead-letters/:id/redrive', async (request, response) => {
    const receipt = await bus.redrive(request.params.id);
    response.json({ id: request.params.id, status: 'delivered', ...receipt });
  });
  router.delete('/dead-letters/:id', async (request, response) => {
    if (!(await bus.deadLetters.remove(request.params.id))) {
      throw new FlowbusError('BUS:DEAD_LETTER_NOT_FOUND', `no dead letter "${request.params.id}"`);
    }
    response.status(204).end();
  });
  return router;
}
