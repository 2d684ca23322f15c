/**
 * @module Requests with headers that fetch will not set (Host) or that only browsers send (Origin,
 * Sec-Fetch-Site), through node:http, to a server on loopback.
 */
import { request as httpRequest } from 'node:http';

export interface RawAnswer {
  status: number;
  text: string;
  json: any;
}

/**
 * Sends one request to `url` (the server's base) with exactly the headers given, `Host` included when set.
 *
 * @example
 * await rawRequest(server.url, 'GET', '/api/flows', { host: 'evil.example:8420' }); // { status: 421, ... }
 */
export function rawRequest(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ hostname, port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, text, json });
      });
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** A JSON body with its content type, for {@link rawRequest}. */
export function jsonBody(value: unknown): { headers: Record<string, string>; body: string } {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
