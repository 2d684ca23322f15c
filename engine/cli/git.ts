/**
 * @module `flowbus git setup`: installs the step-level diff (textconv) and the merge driver in the git work
 * tree of the working folder.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { findWorkTree } from '../git/git.js';
import { setupGit } from '../git/setup.js';
import { UsageError, type Command } from './io.js';

export const gitCommand: Command = async (args, deps) => {
  const [action, ...rest] = args;
  if (action !== 'setup') throw new UsageError(`git takes the action "setup"${action ? `, got "${action}"` : ''}`);
  const { values } = parseArgs({ args: rest, options: { command: { type: 'string' } } });
  const tree = await findWorkTree(deps.cwd);
  if (!tree) {
    deps.err(`${deps.cwd} is not in a git work tree (run git init first)`);
    return 1;
  }
  const result = await setupGit(tree.top, { command: values.command });
  const attributes = relative(deps.cwd, result.attributesFile) || result.attributesFile;
  if (result.addedLines.length > 0) deps.out(`${attributes}: added ${result.addedLines.join(', ')}`);
  else deps.out(`${attributes}: already set up`);
  for (const [key, value] of result.config) deps.out(`git config ${key} "${value}"`);
  deps.out('git diff and git log -p now show flow and rule files step by step; merges go by step id');
  return 0;
};
