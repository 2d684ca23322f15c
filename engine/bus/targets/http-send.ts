/**
 * @module One HTTP request of a target (the webhook): by default node:http(s) over a keep-alive agent per
 * protocol, which costs a fraction of what `fetch` costs per request; or through a `fetch` the bus was given.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What a request is sent with. */
export interface HttpSendRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
  /** Aborted when the bus shuts down. */
  signal: AbortSignal;
  /** No answer (status and body) within this many milliseconds fails with an error named `TimeoutError`. */
  timeoutMs: number;
}

/** The answer: its status, and its body only when the status is not 2xx (for the error message). */
export interface HttpSendAnswer {
  status: number;
  text: string;
}

/** Sends one request; rejects on a network error (its `code` or `cause.code` says which), a timeout or abort. */
export type HttpSend = (url: URL, request: HttpSendRequest) => Promise<HttpSendAnswer>;

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/**
 * Sends with node:http(s) and a shared keep-alive agent (idle sockets do not keep the process alive).
 *
 * @example
 * const { status } = await sendWithAgent(new URL('http://127.0.0.1:9000/hook'), request);
 */
export const sendWithAgent: HttpSend = (url, { method, headers, body, signal, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const length = String(Buffer.byteLength(body));
    const agent = secure ? httpsAgent : httpAgent;
    const options = { method, headers: { ...headers, 'Content-Length': length }, agent };
    const outgoing = (secure ? httpsRequest : httpRequest)(url, options, (response) => {
      const status = response.statusCode ?? 0;
      readAnswer(response, status >= 200 && status < 300).then((text) => finish(() => resolve({ status, text })), fail);
    });
    const timedOut = () => Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' });
    const timer = setTimeout(() => fail(timedOut()), timeoutMs);
    const onAbort = () => fail(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    signal.addEventListener('abort', onAbort, { once: true });
    function finish(then: () => void): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      then();
    }
    function fail(error: Error): void {
      finish(() => reject(error));
      outgoing.destroy();
    }
    outgoing.on('error', fail);
    if (signal.aborted) onAbort();
    else outgoing.end(body);
  });

/** The body as text, or nothing read (the socket drained for reuse) when it is not needed. */
function readAnswer(response: IncomingMessage, discard: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    if (discard) response.resume();
    else {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
    }
    response.on('end', () => resolve(text));
    response.on('error', reject);
  });
}

/** Sends through a `fetch` (one the bus was given in its options). */
export function sendWithFetch(fetchImpl: typeof fetch): HttpSend {
  return async (url, { method, headers, body, signal, timeoutMs }) => {
    const bounded = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    const response = await fetchImpl(url, { method, headers, body, signal: bounded });
    const text = await response.text().catch(() => '');
    return { status: response.status, text };
  };
}
