/**
 * @module Test event templates: the bus's `GET /api/event-templates`, or, when the server does not offer
 * that route, the bus's own template list bundled with the editor.
 */
import { EVENT_TEMPLATES } from '../../../engine/bus/templates.js';
import { ApiError, apiJson } from './client.js';
import type { EventTemplate } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a template list in the shapes a bus may answer with: a list, or `{ templates: [...] }`. */
export function readTemplates(body: unknown): EventTemplate[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.templates) ? body.templates : [];
  const templates: EventTemplate[] = [];
  for (const item of list) {
    if (!isRecord(item) || !isRecord(item.event)) continue;
    const title = typeof item.title === 'string' ? item.title : typeof item.name === 'string' ? item.name : undefined;
    const id = typeof item.id === 'string' ? item.id : title;
    if (id && title) templates.push({ id, title, event: item.event });
  }
  return templates;
}

/** The bus's templates as bundled: "CVM - instance reboot", "CVM - ping unreachable", ... */
export const BUNDLED_EVENT_TEMPLATES: EventTemplate[] = EVENT_TEMPLATES.map(({ id, title, event }) => ({ id, title, event: { ...event } }));

/** The templates to offer; falls back to the built-in ones when the server has none or no such route. */
export async function listEventTemplates(signal?: AbortSignal): Promise<EventTemplate[]> {
  try {
    const templates = readTemplates(await apiJson<unknown>('/event-templates', { signal }));
    return templates.length > 0 ? templates : BUNDLED_EVENT_TEMPLATES;
  } catch (thrown) {
    if (thrown instanceof ApiError && thrown.status !== 0) return BUNDLED_EVENT_TEMPLATES;
    throw thrown;
  }
}
