/**
 * The execution journal: what is read back after a restart, compaction of a full segment, a torn tail.
 */
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExecutionJournal } from './execution-journal.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-execution-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const start = (executionId: string) => ({ executionId, flowId: 'f', input: { payload: { executionId } }, startedAt: 1 });
const trace = (stepId: string) => ({
  stepId,
  type: 'set-variable',
  path: '/steps/0',
  status: 'succeeded' as const,
  startedAt: 1,
  endedAt: 2,
  durationMs: 1,
});

describe('execution journal', () => {
  it('reads back unfinished executions with their last snapshot and whole trace, and finished outcomes', async () => {
    const { journal } = await ExecutionJournal.open(dir, { sync: false });
    await journal.started(start('a'));
    await journal.checkpoint('a', { value: 'one' }, [trace('one')], []);
    await journal.checkpoint('a', { value: 'two' }, [trace('two')], []);
    await journal.started(start('b'));
    await journal.finished('b', { status: 'succeeded', startedAt: 1, endedAt: 3, result: { payload: 1, attributes: {}, vars: {} } });
    await journal.close();

    const reopened = await ExecutionJournal.open(dir, { sync: false });
    expect(reopened.unfinished).toHaveLength(1);
    expect(reopened.unfinished[0]).toMatchObject({ executionId: 'a', snapshot: { value: 'two' } });
    expect(reopened.unfinished[0].trace.map((entry) => entry.stepId)).toEqual(['one', 'two']);
    expect(reopened.journal.finishedExecution('b')?.outcome.status).toBe('succeeded');
    await reopened.journal.close();
    // Reopened again, the state copied forward on the last open reads back the same.
    const again = await ExecutionJournal.open(dir, { sync: false });
    expect(again.unfinished[0].trace).toHaveLength(2);
    expect(again.journal.finishedExecution('b')).toBeDefined();
    await again.journal.close();
  });

  // Regression guard: a scope's field and a trace output that were the checkpointed message (or held its
  // vars) are written as markers; reading back must put the message itself there, before and after compaction.
  it('writes the message once per checkpoint and reads it back where outputs and scopes held it', async () => {
    const input = { payload: { id: 'e1' }, attributes: { source: 's' } };
    const message = { payload: input.payload, attributes: input.attributes, vars: { body: { region: 'r' } } };
    const output = { payload: message.payload, vars: message.vars };
    const snapshot = { value: 'send', context: { run: 'run-1', message, scopes: { guard: { entry: message, attempt: 1 } } } };
    const { journal } = await ExecutionJournal.open(dir, { sync: false });
    await journal.started({ executionId: 'a', flowId: 'f', input, startedAt: 1 });
    await journal.checkpoint('a', snapshot, [{ ...trace('body'), output }], []);
    await journal.close();
    const [segment] = await readdir(dir);
    expect((await readFile(join(dir, segment), 'utf8')).split('"region"')).toHaveLength(2);

    for (let open = 0; open < 2; open++) {
      const reopened = await ExecutionJournal.open(dir, { sync: false });
      const [execution] = reopened.unfinished;
      const context = (execution.snapshot as typeof snapshot).context;
      expect(context.message).toEqual(message);
      expect(context.scopes.guard).toEqual({ entry: message, attempt: 1 });
      expect(execution.trace[0].output).toEqual(output);
      await reopened.journal.close();
    }
  });

  it("reads back an outcome whose result held the last checkpoint's vars", async () => {
    const input = { payload: { id: 'e1' } };
    const message = { payload: input.payload, attributes: {}, vars: { markdown: 'text' } };
    const { journal } = await ExecutionJournal.open(dir, { sync: false });
    await journal.started({ executionId: 'a', flowId: 'f', input, startedAt: 1 });
    await journal.checkpoint('a', { value: 'send', context: { message, scopes: {} } }, [], []);
    const result = { ...message, attributes: { sent: true } };
    await journal.finished('a', { status: 'succeeded', startedAt: 1, endedAt: 2, result });
    await journal.close();
    const reopened = await ExecutionJournal.open(dir, { sync: false });
    expect(reopened.journal.finishedExecution('a')?.outcome.result).toEqual(result);
    await reopened.journal.close();
  });

  it('compacts a full segment into one holding only the state, keeping what it must', async () => {
    const { journal } = await ExecutionJournal.open(dir, { sync: false, segmentBytes: 4096, keepFinished: 5 });
    for (let n = 0; n < 200; n++) {
      await journal.started(start(`x${n}`));
      await journal.checkpoint(`x${n}`, { value: 'padding'.repeat(20) }, [], []);
      if (n !== 7) await journal.finished(`x${n}`, { status: 'succeeded', startedAt: 1, endedAt: 2 });
    }
    await journal.close();
    const segments = (await readdir(dir)).filter((name) => name.endsWith('.seg'));
    expect(segments.length).toBeLessThanOrEqual(2);
    const reopened = await ExecutionJournal.open(dir, { sync: false });
    expect(reopened.unfinished.map((execution) => execution.executionId)).toEqual(['x7']);
    expect(reopened.journal.finishedExecution('x199')).toBeDefined();
    expect(reopened.journal.finishedExecution('x100')).toBeUndefined();
    await reopened.journal.close();
  });

  it('writes the input where a snapshot reuses it as a marker, and reads it back whole', async () => {
    const { journal } = await ExecutionJournal.open(dir, { sync: false });
    const input = { payload: { big: 'x'.repeat(500) }, attributes: { source: 's' } };
    await journal.started({ executionId: 'm', flowId: 'f', input, startedAt: 1 });
    const message = { payload: input.payload, attributes: input.attributes, vars: { a: 1 } };
    const snapshot = { value: 'v', context: { run: 'r', message, scopes: { guard: { entry: message, attempt: 1 } } } };
    await journal.checkpoint('m', snapshot, [], []);
    await journal.close();
    const [segment] = (await readdir(dir)).filter((name) => name.endsWith('.seg'));
    const text = await readFile(join(dir, segment), 'utf8');
    expect(text.split('x'.repeat(500)).length - 1).toBe(1);
    expect(text).toContain('$flowbus:input');
    const reopened = await ExecutionJournal.open(dir, { sync: false });
    expect(reopened.unfinished[0].snapshot).toEqual(snapshot);
    await reopened.journal.close();
  });

  it('cuts off a torn last record and reports it', async () => {
    const { journal } = await ExecutionJournal.open(dir, { sync: false });
    await journal.started(start('a'));
    await journal.close();
    const [segment] = (await readdir(dir)).filter((name) => name.endsWith('.seg'));
    await appendFile(join(dir, segment), '1234abcd {"t":"c","x":"a","s":');
    const reopened = await ExecutionJournal.open(dir, { sync: false });
    expect(reopened.damaged[0].damages[0].kind).toBe('torn-tail');
    expect(reopened.unfinished[0].snapshot).toBeUndefined();
    await reopened.journal.close();
  });
});
