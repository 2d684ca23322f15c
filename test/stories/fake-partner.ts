/**
 * @module A strict third-party incident API for story 3: it takes exactly one request format and refuses
 * anything else with 422 and the reason, like a receiver whose format cannot be changed.
 */
import { isObject, parseJsonBody, startFakeHttpServer, type FakeRequest } from '../fakes/http-server.js';

/** The one body the partner accepts. */
export interface Incident {
  incidentId: string;
  service: string;
  severity: 'critical' | 'warning' | 'info' | 'resolved';
  title: string;
  resource: string;
  region: string;
  occurredAt: string;
  details: { clusterId: string; jobId: string; taskManager: string; cpuUsagePercent: number };
}

export interface FakePartner {
  origin: string;
  /** Incidents accepted, in order. */
  incidents: Incident[];
  /** Requests refused, with the reason. */
  refused: Array<{ request: FakeRequest; reason: string }>;
  close(): Promise<void>;
}

const KEYS = ['incidentId', 'service', 'severity', 'title', 'resource', 'region', 'occurredAt', 'details'];
const SEVERITIES = ['critical', 'warning', 'info', 'resolved'];
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Why a request is refused, or undefined when it is an incident. */
export function incidentProblem(request: FakeRequest): string | undefined {
  if (!String(request.headers['content-type']).startsWith('application/json')) return 'content-type';
  const body = parseJsonBody(request.body);
  if (!isObject(body)) return 'the body must be a JSON object';
  const keys = Object.keys(body).sort();
  if (keys.join() !== [...KEYS].sort().join()) return `fields must be exactly ${KEYS.join(', ')}`;
  for (const key of KEYS.slice(0, 7)) {
    if (typeof body[key] !== 'string' || body[key] === '') return `${key} must be a non-empty string`;
  }
  if (!SEVERITIES.includes(String(body.severity))) return `severity must be one of ${SEVERITIES.join(', ')}`;
  if (!UTC_TIME.test(String(body.occurredAt))) return 'occurredAt must be ISO 8601 in UTC';
  const details = isObject(body.details) ? body.details : {};
  const strings = ['clusterId', 'jobId', 'taskManager'].every((key) => typeof details[key] === 'string');
  const exact = Object.keys(details).sort().join() === 'clusterId,cpuUsagePercent,jobId,taskManager';
  if (!exact || !strings || typeof details.cpuUsagePercent !== 'number') {
    return 'details must be clusterId, jobId, taskManager (strings) and cpuUsagePercent (a number)';
  }
  return undefined;
}

/** Starts the partner on 127.0.0.1:0: `POST /v1/incidents` answers 201 `{"ticket"}` or 422 `{"error"}`. */
export async function startFakePartner(): Promise<FakePartner> {
  const incidents: Incident[] = [];
  const refused: FakePartner['refused'] = [];
  const server = await startFakeHttpServer((request) => {
    if (request.method !== 'POST' || request.url.pathname !== '/v1/incidents') {
      return { status: 404, json: { error: 'not found' } };
    }
    const reason = incidentProblem(request);
    if (reason) {
      refused.push({ request, reason });
      return { status: 422, json: { error: reason } };
    }
    incidents.push(JSON.parse(request.body) as Incident);
    return { status: 201, json: { ticket: `INC-${incidents.length}` } };
  });
  return { origin: server.origin, incidents, refused, close: () => server.close() };
}
