/**
 * @module Connection configs: the names a connector's `connection` field picks from, and their types.
 */
import { apiJson } from './client.js';
import type { ConnectionSummary, ConnectionTypeDefinition } from './types.js';

export async function listConnections(signal?: AbortSignal): Promise<ConnectionSummary[]> {
  return (await apiJson<{ connections: ConnectionSummary[] }>('/connections', { signal })).connections;
}

export async function listConnectionTypes(signal?: AbortSignal): Promise<ConnectionTypeDefinition[]> {
  return (await apiJson<{ connectionTypes: ConnectionTypeDefinition[] }>('/connection-types', { signal })).connectionTypes;
}

export async function createConnection(input: {
  name: string;
  type: string;
  description?: string;
  values: Record<string, unknown>;
}): Promise<ConnectionSummary> {
  return apiJson<ConnectionSummary>('/connections', { method: 'POST', body: input });
}
