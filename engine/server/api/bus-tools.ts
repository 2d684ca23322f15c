/**
 * @module The bus's test tools: `POST /api/patterns/test`, the event templates and "send a test event".
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { DEFAULT_JSON_DEPTH } from '../../core/json-depth.js';
import { parseJson } from '../../json/strict.js';
import { DEFAULT_BUS_ID } from '../../bus/files/format.js';
import type { EventBus } from '../../bus/event-bus.js';
import { explainMatch, parsePattern, type MatchFailure } from '../../bus/pattern/index.js';
import { EVENT_TEMPLATES, templateEvent } from '../../bus/templates.js';
import { badRequest } from './errors.js';

/** What the pattern test answers. */
export interface PatternTestResult {
  match: boolean;
  /** The first failure, as text. */
  reason?: string;
  failures: MatchFailure[];
}

/**
 * Tests a pattern against an event: `{ match, failures }`, where each failure names the event field (a JSON
 * pointer) and why it failed. Either may be given as JSON text, as the vendor's CheckRule takes them.
 *
 * @example
 * testPattern({ source: ['cvm.cloud.tencent'] }, { source: 'cos.cloud.tencent' });
 * // { match: false, reason: '/source: "cos.cloud.tencent" does not match ["cvm.cloud.tencent"]',
 * //   failures: [{ pointer: '/source', reason: ... }] }
 */
export function testPattern(
  pattern: unknown,
  event: unknown,
  maxDepth = DEFAULT_JSON_DEPTH,
): PatternTestResult {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const problem = first ? `${first.pointer || '/'} ${first.message}` : 'unknown problem';
    const message = `invalid pattern: ${problem}`;
    throw new FlowbusError('BUS:INVALID_PATTERN', message, { issues: parsed.issues });
  }
  const explained = explainMatch(parsed.pattern, readEvent(event, maxDepth));
  if (explained.match) return { match: true, failures: [] };
  const first = explained.failures[0];
  const reason = first ? `${first.pointer || '/'}: ${first.reason}` : 'no match';
  return { match: false, reason, failures: explained.failures };
}

function readEvent(event: unknown, maxDepth: number): unknown {
  if (typeof event !== 'string') return event;
  const parsed = parseJson(event, maxDepth);
  if (parsed.ok) return parsed.value;
  if (parsed.problem === 'depth') throw badRequest(`"event" is JSON text ${parsed.reason}`);
  throw badRequest('"event" is a string that is not JSON text');
}

/** `POST /patterns/test`, `GET /event-templates` and `POST /event-templates/:id/send`, under `/api`. */
export function busToolsRouter(bus: EventBus): Router {
  const router = Router();
  router.post('/patterns/test', (request, response) => {
    const body = request.body as { pattern?: unknown; event?: unknown } | undefined;
    if (!body || typeof body !== 'object' || body.pattern === undefined || body.event === undefined) {
      throw badRequest('the body must be {"pattern": {...}, "event": {...}}');
    }
    response.json(testPattern(body.pattern, body.event, bus.limits.maxJsonDepth));
  });
  router.get('/event-templates', (_request, response) => void response.json({ templates: EVENT_TEMPLATES }));
  router.post('/event-templates/:id/send', async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw badRequest('the body must be {"data"?: ..., "bus"?: "..."}');
    }
    const { bus: target = DEFAULT_BUS_ID, ...changes } = body;
    if (typeof target !== 'string') throw badRequest('"bus" must be a bus id');
    const event = templateEvent(request.params.id, changes, Date.now());
    const [id] = await bus.publish(target, [event]);
    response.status(202).json({ bus: target, id, event });
  });
  return router;
}
