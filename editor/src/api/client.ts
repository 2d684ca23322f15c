/**
 * @module The management API client: JSON in and out, errors as {@link ApiError} with the server's type.
 */
import type { ValidationIssue } from './types.js';

/** An answer of the API that is not a success, or a request that never got one. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error type, e.g. `VALIDATION`, `FLOW:VERSION_MISMATCH`, or `API:UNREACHABLE`. */
    readonly type: string,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'flowbus.apiToken';

/** The bearer token kept in this browser, if the server asks for one. */
export function storedToken(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps (or, with an empty value, forgets) the API token in this browser. */
export function storeToken(token: string): void {
  if (token) globalThis.localStorage?.setItem(TOKEN_KEY, token);
  else globalThis.localStorage?.removeItem(TOKEN_KEY);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** An answer with its headers, for callers that need the ETag. */
export interface ApiAnswer<T> {
  data: T;
  headers: Headers;
  status: number;
}

async function readError(response: Response): Promise<ApiError> {
  let body: { error?: { type?: string; message?: string; issues?: ValidationIssue[] } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.type ?? `HTTP:${response.status}`,
    error?.message ?? `the server answered ${response.status} ${response.statusText}`.trim(),
    error?.issues ?? [],
  );
}

/**
 * Calls the API at `/api<path>`; resolves with the parsed JSON and the headers, rejects with an ApiError.
 *
 * @example
 * const { data } = await apiRequest<{ flows: FlowSummary[] }>('/flows');
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${apiBase()}${path}`, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (thrown) {
    if ((thrown as Error).name === 'AbortError') throw thrown;
    throw new ApiError(0, 'API:UNREACHABLE', 'the flowbus server cannot be reached; is it running?');
  }
  if (!response.ok) throw await readError(response);
  const text = await response.text();
  return { data: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers, status: response.status };
}

/** {@link apiRequest} for callers that need only the data. */
export async function apiJson<T>(path: string, options?: RequestOptions): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

/** Where the API is: `/api` on the server that served the page. */
function apiBase(): string {
  const origin = globalThis.location?.origin;
  return origin && origin !== 'null' ? `${origin}/api` : 'http://localhost/api';
}
