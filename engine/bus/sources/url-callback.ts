/**
 * @module The `url-callback` source: `POST` (or any method) to `/callbacks/<source id>` wraps the request
 * (method, path, query, headers, body) into an event on the source's bus, as the vendor's API-gateway
 * connector does, after checking a token or an HMAC-SHA256 signature from an `http-auth` connection.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { fillTemplate, wrapMessage } from './binding.js';
import type { SourceContext, SourceTypeDefinition } from './types.js';

export const URL_CALLBACK_TYPE = 'url-callback';

const DROPPED_HEADERS = new Set(['authorization', 'cookie', 'x-callback-token']);

/** The schema of a `url-callback` source's `config`. */
export const urlCallbackConfigSchema = {
  type: 'object',
  properties: {
    auth: { enum: ['none', 'token', 'hmac'], default: 'none', title: 'Verification' },
    connection: {
      type: 'string',
      minLength: 1,
      title: 'Connection',
      description: 'An http-auth connection: its `token` or `secret`.',
      'x-connection': 'http-auth',
      'x-expression': false,
    },
    signatureHeader: { type: 'string', minLength: 1, default: 'X-Flowbus-Signature', title: 'Signature header' },
    source: {
      type: 'string',
      minLength: 1,
      default: 'urlcallback.flowbus',
      title: 'Event source',
      description: 'Event source; `{id}` is the source id.',
    },
    type: {
      type: 'string',
      minLength: 1,
      default: 'connector:url-callback',
      title: 'Event type',
      description: 'Event type; `{method}`, `{path}` allowed.',
    },
    subject: { type: 'string', default: '/callbacks/{id}', title: 'Event subject' },
    maxBodyBytes: {
      type: 'integer',
      minimum: 1,
      maximum: 4 * 1024 * 1024,
      default: 256 * 1024,
      title: 'Largest body (bytes)',
    },
  },
  additionalProperties: false,
} as const satisfies JsonSchema;

/**
 * The `config` of a `url-callback` source. `auth` is `none`, `token` (Bearer or `X-Callback-Token`) or `hmac`
 * (a signature of the body in `signatureHeader`, `sha256=<hex>` or the bare hex); secrets come from `connection`.
 */
export type UrlCallbackConfig = ConfigOf<typeof urlCallbackConfigSchema>;

function safeEqual(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

async function verify(context: SourceContext<UrlCallbackConfig>, request: express.Request, body: Buffer) {
  const { auth = 'none', connection, signatureHeader = 'X-Flowbus-Signature' } = context.config;
  if (auth === 'none') return;
  if (!connection || !context.connections) throw new FlowbusError('CALLBACK:NO_CONNECTION', 'no connection to verify with');
  const values = await context.connections.get(connection, 'http-auth');
  if (auth === 'token') {
    const bearer = /^Bearer (.+)$/i.exec(request.get('authorization') ?? '')?.[1];
    const given = bearer ?? request.get('x-callback-token') ?? '';
    if (typeof values.token !== 'string' || !safeEqual(given, values.token)) {
      throw new FlowbusError('CALLBACK:UNAUTHORIZED', 'missing or wrong token');
    }
    return;
  }
  const given = (request.get(signatureHeader) ?? '').replace(/^sha256=/i, '').toLowerCase();
  const secret = typeof values.secret === 'string' ? values.secret : '';
  const expected = createHmac('sha256', secret).update(body).digest('hex');
  if (!secret || !safeEqual(given, expected)) {
    throw new FlowbusError('CALLBACK:UNAUTHORIZED', `missing or wrong HMAC-SHA256 signature in ${signatureHeader}`);
  }
}

/** What the event's `data` holds: the request, its body parsed when it is JSON. */
function requestData(request: express.Request, body: unknown) {
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !DROPPED_HEADERS.has(name)),
  );
  const path = request.path;
  return { httpMethod: request.method, path, queryString: request.query, headers, body };
}

/**
 * Builds the `url-callback` source type and the route that serves every running one.
 *
 * @example
 * const callbacks = createUrlCallbackSource();
 * callbacks.install(app); // POST /callbacks/:id
 */
export function createUrlCallbackSource(): { definition: SourceTypeDefinition<UrlCallbackConfig>; install(router: Router): void } {
  const running = new Map<string, SourceContext<UrlCallbackConfig>>();
  const definition: SourceTypeDefinition<UrlCallbackConfig> = {
    type: URL_CALLBACK_TYPE,
    title: 'URL callback',
    description:
      'An HTTP ingress at `/callbacks/<source id>`: any request becomes an event whose `data` holds ' +
      '`httpMethod`, `path`, `queryString`, `headers` (without credentials) and `body` (parsed when JSON). ' +
      'Optional verification: a bearer token or an HMAC-SHA256 signature of the body, from an `http-auth` connection.',
    config: urlCallbackConfigSchema,
    check: (config) =>
      config.auth && config.auth !== 'none' && !config.connection
        ? [{ pointer: '/connection', code: 'missing-field', message: `auth "${config.auth}" needs an http-auth connection` }]
        : [],
    start(context) {
      running.set(context.id, context);
      context.connected(true);
      return { stop: async () => void (running.get(context.id) === context && running.delete(context.id)) };
    },
  };
  const install = (router: Router) => {
    const raw = express.raw({ type: () => true, limit: 4 * 1024 * 1024 });
    router.all(
      '/callbacks/:id',
      raw,
      // What this throws is answered by the API's error handler (CALLBACK:UNAUTHORIZED as a 401).
      async (request, response) => {
        const context = running.get(String(request.params.id));
        if (!context) throw new FlowbusError('CALLBACK:NOT_FOUND', `no URL callback source "${request.params.id}"`);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const limit = context.config.maxBodyBytes ?? 256 * 1024;
        if (body.length > limit) throw new FlowbusError('API:PAYLOAD_TOO_LARGE', `the body is over ${limit} bytes`);
        await verify(context, request, body);
        const values = { id: context.id, method: request.method, path: request.path };
        const fields = {
          id: request.get('idempotency-key') ?? request.get('x-request-id') ?? randomUUID(),
          source: fillTemplate(context.config.source ?? 'urlcallback.flowbus', values),
          type: fillTemplate(context.config.type ?? 'connector:url-callback', values),
          subject: fillTemplate(context.config.subject ?? '/callbacks/{id}', values),
        };
        const parsed = wrapMessage(fields, body, context.ingest.maxEventBytes, (data) => requestData(request, data));
        if (!parsed.ok) {
          context.ingest.reject(parsed.reason, { path: request.path });
          throw new FlowbusError('BUS:INVALID_EVENT', parsed.reason);
        }
        const outcome = await context.ingest.accept(parsed.event);
        response.status(202).json({ bus: context.bus, ...outcome });
      },
    );
  };
  return { definition, install };
}
