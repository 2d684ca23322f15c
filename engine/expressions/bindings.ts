/**
 * @module The `$uuid()`, `$env(name)` and `$nowMillis()` functions every expression can call.
 */
import { randomUUID } from 'node:crypto';
import type jsonata from 'jsonata';
import { RUN_KEY, type EvaluationRun } from './bounds.js';

/** The default `$env` allow-list: names starting with `FLOWBUS_VAR_`. */
export function isDefaultEnvName(name: string): boolean {
  return name.startsWith('FLOWBUS_VAR_');
}

/** Reads a variable of the server's environment, else an environment variable the allow-list admits. */
function readEnv(this: jsonata.Focus, name: string): string | undefined {
  const run = this.environment.lookup(RUN_KEY) as EvaluationRun | undefined;
  if (!run) return undefined;
  const defined = run.variables?.(name);
  if (defined !== undefined) return defined;
  if (!run.envAllowList(name)) return undefined;
  return process.env[name];
}

/** Registers flowbus's functions on a compiled expression (once, at compile time). */
export function installBindings(expression: jsonata.Expression): void {
  expression.registerFunction('uuid', () => randomUUID(), '<:s>');
  expression.registerFunction('env', readEnv, '<s:s>');
  expression.registerFunction('nowMillis', () => Date.now(), '<:n>');
}
