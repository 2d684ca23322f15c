/**
 * The runner and durable executions: a start with the id of a running execution joins it, one with the id
 * of a finished one answers its outcome without running a step, and unfinished ones resume on start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../core/registry.js';
import { defineStep } from '../../core/step-definition.js';
import { createLogger } from '../../logging/logger.js';
import { createRedactor } from '../../logging/redact.js';
import { compileFlow } from '../../runtime/compile.js';
import { ExecutionJournal } from '../../runtime/durable/execution-journal.js';
import { flow } from '../../runtime/test-helpers.js';
import type { CompiledFlow } from '../../runtime/types.js';
import { builtinSteps } from '../../steps/index.js';
import type { Store } from '../../store/types.js';
import { createServerMetrics } from '../../metrics/server-metrics.js';
import { ExecutionRunner } from './runner.js';

let runs = 0;
let gate: Promise<void> = Promise.resolve();
const countStep = defineStep<Record<string, never>>({
  type: 'count',
  title: 'Count',
  category: 'flow-control',
  kind: 'action',
  description: 'Test-only step.',
  config: { type: 'object', properties: {} },
  async execute({ message }) {
    runs++;
    await gate;
    return { vars: { ...message.vars, runs } };
  },
});
const registry = createRegistry([...builtinSteps, countStep]);
const compiled = compileFlow('counted', { ...flow([{ id: 'count', type: 'count' }]), execution: 'durable' }, registry);

let dir: string;
let journal: ExecutionJournal;
beforeEach(async () => {
  runs = 0;
  dir = await mkdtemp(join(tmpdir(), 'flowbus-runner-'));
  journal = (await ExecutionJournal.open(dir, { sync: false })).journal;
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

function runner(lines: string[] = [], flows: Record<string, CompiledFlow> = { counted: compiled }) {
  const store = { addExecution: async () => {} } as unknown as Store;
  return new ExecutionRunner({
    journal,
    store,
    logger: createLogger({ write: (line) => lines.push(line), level: 'info' }),
    redactor: createRedactor(),
    connections: { get: async () => ({}) },
    resolveFlow: (flowId) => flows[flowId],
    metrics: createServerMetrics(),
    timeoutMs: 5000,
    maxConcurrent: 10,
  });
}

describe('execution runner, durable executions', () => {
  it('joins a running execution started with the same id', async () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    const executions = runner();
    const first = executions.run(compiled, { payload: 1 }, { trigger: 'event', executionId: 'same' });
    const second = executions.run(compiled, { payload: 2 }, { trigger: 'event', executionId: 'same' });
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(b.record).toBe(a.record);
    gate = Promise.resolve();
  });

  it('answers a start with the id of a finished execution with its outcome, running nothing', async () => {
    const executions = runner();
    const done = await executions.run(compiled, { payload: 1 }, { trigger: 'event', executionId: 'once' });
    const again = await executions.run(compiled, { payload: 1 }, { trigger: 'event', executionId: 'once' });
    expect(runs).toBe(1);
    expect(again.record).toMatchObject({ id: 'once', status: 'succeeded', result: { vars: { runs: 1 } } });
    expect(done.record.status).toBe('succeeded');
  });

  it('resumes unfinished executions, and logs one whose flow is gone', async () => {
    const lines: string[] = [];
    const executions = runner(lines);
    const start = { flowId: 'counted', input: { payload: 3 }, startedAt: Date.now(), trace: [], logs: [] };
    // As the journal read them back after a crash: started, no checkpoint yet.
    await journal.started({ ...start, executionId: 'back' });
    executions.resume(
      [
        { ...start, executionId: 'back' },
        { ...start, executionId: 'lost', flowId: 'deleted' },
      ],
      () => 5000,
    );
    await expect.poll(() => journal.finishedExecution('back')?.outcome.status).toBe('succeeded');
    expect(runs).toBe(1);
    expect(lines.join('\n')).toContain('cannot resume execution lost: flow \\"deleted\\" is not published');
  });
});
