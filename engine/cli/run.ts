/**
 * @module `flowbus run <flow> --input <json|file>`: executes a flow once and prints the result and its trace.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../core/issues.js';
import { flowIdFromPath } from '../flow/document.js';
import { loadFlowCatalog } from '../runtime/catalog.js';
import { eventTriggerInput } from '../runtime/trigger-input.js';
import type { ExecutionInput } from '../runtime/types.js';
import { describeRecord } from './print-record.js';
import { readJsonArgument, UsageError, type Command } from './io.js';

export const runCommand: Command = async (args, deps) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: { type: 'string', short: 'i' },
      attributes: { type: 'string' },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      timeout: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('run takes one flow file');
  const file = resolve(deps.cwd, positionals[0]);
  const flowId = flowIdFromPath(file);
  const catalog = await loadFlowCatalog([dirname(file)], deps.registry);
  const flow = catalog.flows.get(flowId);
  if (!flow) {
    const issues = catalog.issues.filter((issue) => issue.file === file);
    for (const issue of issues) deps.err(formatIssue(issue));
    if (issues.length === 0) deps.err(`no flow file ${positionals[0]}`);
    return 1;
  }
  const payload = values.input === undefined ? null : await readJsonArgument(values.input, '--input', deps.cwd);
  const attributes = values.attributes && (await readJsonArgument(values.attributes, '--attributes', deps.cwd));
  const input: ExecutionInput =
    flow.document.trigger.type === 'event' && isObject(payload)
      ? eventTriggerInput(payload)
      : { payload, attributes: isObject(attributes) ? attributes : undefined };
  const timeoutMs = values.timeout ? Number(values.timeout) : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError('--timeout takes a number of milliseconds');
  const record = await flow.execute(input, {
    dryRun: values['dry-run'],
    timeoutMs,
    services: { resolveFlow: catalog.resolveFlow },
  });
  deps.out(values.json ? JSON.stringify(record, null, 2) : describeRecord(record));
  return record.status === 'succeeded' ? 0 : 1;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
