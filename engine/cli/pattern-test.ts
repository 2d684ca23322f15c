/**
 * @module `flowbus pattern-test <pattern.json> <event.json>`: does the pattern match the event, and if not,
 * which field failed and why. Exit code 0 for a match, 1 for no match or an invalid pattern.
 */
import { parseArgs } from 'node:util';
import { readJsonArgument, UsageError, type Command } from './io.js';
import { explainMatch, parsePattern } from '../bus/pattern/index.js';

export const patternTestCommand: Command = async (args, deps) => {
  const options = { json: { type: 'boolean' as const } };
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (positionals.length !== 2) throw new UsageError('pattern-test takes a pattern file and an event file');
  const pattern = await readJsonArgument(positionals[0]!, 'the pattern', deps.cwd);
  const event = await readJsonArgument(positionals[1]!, 'the event', deps.cwd);
  const parsed = parsePattern(pattern);
  if (!parsed.ok) {
    if (values.json) deps.out(JSON.stringify({ valid: false, issues: parsed.issues }, null, 2));
    for (const issue of parsed.issues) {
      deps.err(`${positionals[0]}:${issue.pointer || '/'}: ${issue.message}`);
    }
    return 1;
  }
  const result = explainMatch(parsed.pattern, event);
  if (values.json) deps.out(JSON.stringify(result, null, 2));
  else if (result.match) deps.out('match');
  else {
    deps.out('no match');
    for (const failure of result.failures) deps.out(`  ${failure.pointer || '/'}: ${failure.reason}`);
  }
  return result.match ? 0 : 1;
};
