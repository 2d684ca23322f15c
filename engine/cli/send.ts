/**
 * @module `flowbus send <event.json> [--bus B] [--url U]`: posts an event (an object), a batch (an array)
 * or a PutEvents request (`{"EventList": [...]}`) to a running server and prints what it accepted.
 */
import { parseArgs } from 'node:util';
import { readJsonArgument, UsageError, type Command } from './io.js';

/** Where the command sends when neither `--url` nor `FLOWBUS_URL` says. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8420';

export interface SendCommandOptions {
  fetch?: typeof fetch;
  env?: Record<string, string | undefined>;
}

interface IngestAnswer {
  ids?: string[];
  results?: Array<{ index: number; status: string; id?: string; reason?: string }>;
  error?: { type: string; message: string };
}

function contentTypeOf(body: unknown): string {
  if (Array.isArray(body)) return 'application/cloudevents-batch+json; charset=utf-8';
  const putEvents = typeof body === 'object' && body !== null && 'EventList' in body;
  if (putEvents) return 'application/json; charset=utf-8';
  return 'application/cloudevents+json; charset=utf-8';
}

/**
 * Builds the command; tests give their own fetch and environment.
 *
 * @example
 * await runCli(argv, deps, { send: createSendCommand() });
 */
export function createSendCommand(options: SendCommandOptions = {}): Command {
  return async (args, deps) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { bus: { type: 'string' }, url: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('send takes one event file');
    const body = await readJsonArgument(positionals[0]!, 'the event', deps.cwd);
    const env = options.env ?? process.env;
    const base = (values.url ?? env.FLOWBUS_URL ?? DEFAULT_SERVER_URL).replace(/\/+$/, '');
    const url = `${base}/events${values.bus ? `/${encodeURIComponent(values.bus)}` : ''}`;
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': contentTypeOf(body) },
        body: JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      deps.err(`cannot reach ${url}: ${cause} (is the server running? --url or FLOWBUS_URL says where)`);
      return 1;
    }
    const answer = (await response.json().catch(() => ({}))) as IngestAnswer;
    for (const result of answer.results ?? []) {
      if (result.status === 'accepted') deps.out(`accepted ${result.id}`);
      else deps.err(`rejected: ${result.reason}`);
    }
    if (!answer.results && answer.error) deps.err(`${answer.error.type}: ${answer.error.message}`);
    return response.status === 202 ? 0 : 1;
  };
}

/** The command with the global fetch and `process.env`. */
export const sendCommand: Command = createSendCommand();
