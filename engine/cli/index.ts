/**
 * @module The `flowbus` command line: validate, fmt, run, test, serve, send, pattern-test, diff, git, merge-driver.
 */
import { diffCommand } from './diff.js';
import { fmtCommand } from './fmt.js';
import { gitCommand } from './git.js';
import { mergeDriverCommand } from './merge-driver.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { patternTestCommand } from './pattern-test.js';
import { sendCommand } from './send.js';
import { testCommand } from './test.js';
import { validateCommand } from './validate.js';
import { UsageError, type CliDeps, type Command } from './io.js';

export type { CliDeps } from './io.js';

const USAGE = `usage: flowbus <command> [options]

commands:
  validate [paths] [--env NAME]    check flow, flow test, rule, bus and environment files (default: flows/);
                                   --env: also that the environment defines what the flows use
  fmt [--check] [paths]            write files in the canonical format; --check only reports
  run <flow> --input <json|file>   execute a flow once; --json, --dry-run, --attributes <json>, --timeout <ms>
  test [paths]                     run flow test files (*.test.json)
  serve [--port N] [--host H] [--flows DIR] [--data DIR] [--config FILE] [--env NAME]
                                   start the server
  send <event.json> [--bus NAME] [--url URL]
                                   post an event to a running server's bus
  pattern-test <pattern.json> <event.json>
                                   say whether a rule pattern matches an event, and why not
  diff [A B | REV | REV1..REV2] [--flows DIR] [--json] [--exit-code]
                                   the change in steps: two files, or the flows folder between git
                                   revisions (default: HEAD against the work tree)
  git setup [--command CMD]        make git diff and merge flow and rule files by step id
  merge-driver %O %A %B %P         git's merge driver (installed by git setup)`;

/**
 * Runs one CLI command and returns its exit code (0 ok, 1 problems found, 2 usage error).
 *
 * @example
 * const code = await runCli(['validate', 'flows'], { registry, out: console.log, err: console.error, cwd: process.cwd() });
 */
export async function runCli(argv: string[], deps: CliDeps, extra: Record<string, Command> = {}): Promise<number> {
  const commands: Record<string, Command> = {
    validate: validateCommand,
    fmt: fmtCommand,
    run: runCommand,
    test: testCommand,
    serve: serveCommand,
    send: sendCommand,
    'pattern-test': patternTestCommand,
    diff: diffCommand,
    git: gitCommand,
    'merge-driver': mergeDriverCommand,
    ...extra,
  };
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    deps.out(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    deps.err(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, deps);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      deps.err(`flowbus ${name}: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
