/**
 * @module Maps what `fetch` throws to HTTP:CANCELLED, HTTP:TIMEOUT or HTTP:CONNECTIVITY.
 */
import { FlowbusError } from '../../core/errors.js';

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connect timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * The system error code under a fetch error: `fetch` throws `TypeError('fetch failed')` whose cause is the
 * socket's error, or an AggregateError of them when several addresses were tried.
 */
export function networkCode(thrown: unknown): { code: string; reason?: string } {
  const chain: ErrorLike[] = [];
  let current: unknown = thrown;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    const error = current as ErrorLike;
    chain.push(error);
    if (Array.isArray(error.errors)) chain.push(...(error.errors as ErrorLike[]));
    current = error.cause;
  }
  const withCode = chain.find((error) => typeof error.code === 'string');
  if (withCode) return { code: String(withCode.code), reason: String(withCode.message ?? '') };
  const innermost = chain.at(-1);
  if (!innermost || innermost === thrown) return { code: 'UNKNOWN' };
  return { code: 'UNKNOWN', reason: String(innermost.message ?? '') };
}

/** Why the request failed, as a typed error; FlowbusErrors pass through unchanged. */
export function requestFailure(
  thrown: unknown,
  label: string,
  signals: { cancel: AbortSignal; timeout: AbortSignal },
  timeoutMs: number,
): FlowbusError {
  if (thrown instanceof FlowbusError) return thrown;
  const name = (thrown as ErrorLike & { name?: unknown })?.name;
  if (name === 'TimeoutError' || (signals.timeout.aborted && !signals.cancel.aborted)) {
    const message = `${label} got no complete answer within ${timeoutMs} ms`;
    return new FlowbusError('HTTP:TIMEOUT', message, { timeoutMs }, { cause: thrown });
  }
  if (signals.cancel.aborted) {
    return new FlowbusError('HTTP:CANCELLED', `${label} was cancelled`, undefined, { cause: thrown });
  }
  const { code, reason } = networkCode(thrown);
  const words = CODE_WORDS[code] ?? reason ?? 'request failed';
  const details = { code, ...(reason ? { reason } : {}) };
  const message = `${label} failed: ${words} (${code})`;
  return new FlowbusError('HTTP:CONNECTIVITY', message, details, { cause: thrown });
}
