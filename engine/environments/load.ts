/**
 * @module Reading an environment file and resolving it for a server: connection configs with their secrets
 * from the process's environment variables (or the store), and `$env` variables.
 */
import { readFile } from 'node:fs/promises';
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import { FlowbusError } from '../core/errors.js';
import { joinPointer, type ValidationIssue } from '../core/issues.js';
import { parseJsonText } from '../json/files.js';
import { isSecretReference, type EnvironmentDocument } from './format.js';
import { validateEnvironment } from './validate.js';

/** An environment file as read: the document when it has no issues. */
export interface LoadedEnvironment {
  file: string;
  document?: EnvironmentDocument;
  issues: ValidationIssue[];
}

/** Reads and checks an environment file; a missing file is one `read-error` issue. */
export async function loadEnvironmentFile(
  file: string,
  types?: ReadonlyMap<string, ConnectionTypeDefinition>,
  shownAs = file,
): Promise<LoadedEnvironment> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such environment file' : (error as Error).message;
    return { file: shownAs, issues: [{ file: shownAs, pointer: '', code: 'read-error', message: reason }] };
  }
  const parsed = parseJsonText(text, shownAs);
  if (!parsed.ok) return { file: shownAs, issues: [parsed.issue] };
  const issues = validateEnvironment(parsed.json, { file: shownAs, types });
  return issues.length > 0 ? { file: shownAs, issues } : { file: shownAs, document: parsed.json as EnvironmentDocument, issues };
}

/** An environment resolved for running: plain values, secrets filled in from the process's environment. */
export interface ResolvedEnvironment {
  name: string;
  /** Connection configs given with values; by name. */
  connections: Map<string, { type: string; values: Record<string, unknown> }>;
  /** Connection names that stand for a connection of the store: name -> stored name. */
  storeConnections: Map<string, { type: string; store: string }>;
  variables: Map<string, string>;
  rules: Map<string, boolean>;
  limits: Record<string, unknown>;
  /** Every secret value, for the redactor. */
  secrets: string[];
}

/**
 * Fills in every `{"$secret": "NAME"}` from `env`. Throws `ENVIRONMENT:SECRET_MISSING` naming every
 * reference whose variable is not set, with the file and pointer.
 */
export function resolveEnvironment(file: string, document: EnvironmentDocument, env: Record<string, string | undefined>): ResolvedEnvironment {
  const missing: string[] = [];
  const secrets: string[] = [];
  const reveal = (value: unknown, pointer: string): unknown => {
    if (!isSecretReference(value)) return value;
    const secret = env[value.$secret];
    if (secret === undefined || secret === '') missing.push(`${file}:${pointer}: environment variable ${value.$secret} is not set`);
    else secrets.push(secret);
    return secret;
  };
  const resolved: ResolvedEnvironment = {
    name: document.name,
    connections: new Map(),
    storeConnections: new Map(),
    variables: new Map(),
    rules: new Map(Object.entries(document.rules ?? {}).map(([id, rule]) => [id, rule.enabled])),
    limits: { ...document.limits },
    secrets,
  };
  for (const [name, connection] of Object.entries(document.connections ?? {})) {
    if ('store' in connection) {
      resolved.storeConnections.set(name, { type: connection.type, store: connection.store });
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(connection.values)) {
      values[field] = reveal(value, joinPointer('/connections', name, 'values', field));
    }
    resolved.connections.set(name, { type: connection.type, values });
  }
  for (const [name, value] of Object.entries(document.variables ?? {})) {
    resolved.variables.set(name, String(reveal(value, joinPointer('/variables', name)) ?? ''));
  }
  if (missing.length > 0) throw new FlowbusError('ENVIRONMENT:SECRET_MISSING', missing.join('\n'), { missing });
  return resolved;
}
