/**
 * @module What a CLI command needs from its surroundings; tests pass capturing writers.
 */
import type { TargetTypeDefinition } from '../bus/index.js';
import type { SourceTypeDefinition } from '../bus/sources/index.js';
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import type { DataFolderService } from '../core/data-service.js';
import type { Registry } from '../core/registry.js';
import type { FallbackHandler } from '../server/index.js';

export interface CliDeps {
  registry: Registry;
  connectionTypes?: ConnectionTypeDefinition[];
  /** Bus target types beside the built-in ones (the connectors' message push). */
  targetTypes?: TargetTypeDefinition[];
  /** Source types of `*.source.json` files (queue connectors). */
  sourceTypes?: SourceTypeDefinition[];
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where relative paths start; default the process's working folder. */
  cwd: string;
  /** What the server answers on paths that are neither API nor triggers (the editor). */
  fallback?: FallbackHandler;
  /** Connector state kept in the data folder, opened by `serve`. */
  dataServices?: DataFolderService[];
}

/** A command: parses its own arguments, returns the exit code. */
export type Command = (args: string[], deps: CliDeps) => Promise<number>;

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Reads `value` as JSON text, or as the path of a JSON file when it does not parse. */
export async function readJsonArgument(value: string, label: string, cwd: string): Promise<unknown> {
  try {
    return JSON.parse(value);
  } catch {
    const { readFile } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    let text: string;
    try {
      text = await readFile(resolve(cwd, value), 'utf8');
    } catch {
      throw new UsageError(`${label} is neither JSON nor a readable file: ${value}`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${label} file ${value} is not valid JSON: ${(error as Error).message}`);
    }
  }
}
