/**
 * @module Child process of the history crash test: appends execution records to the segment history in
 * bursts and prints `FLUSHED <n>` once the first n are durable, until it is killed.
 */
import { ExecutionHistory } from '../../engine/store/history/execution-history.js';

const [dir, startArg] = process.argv.slice(2);
const start = Number(startArg ?? 0);
const { history } = await ExecutionHistory.open({
  dir: dir!,
  retention: { maxPerFlow: 1_000_000, maxAgeMs: 3_650 * 86_400_000 },
  flushIntervalMs: 1000,
  segmentBytes: 64 * 1024,
});
const payload = { text: 'x'.repeat(300) };
for (let n = start; ; ) {
  for (let k = 0; k < 25; k++, n++) {
    const startedAt = Date.UTC(2026, 0, 1) + n;
    history.add({
      id: `w-${n}`,
      flowId: `flow-${n % 3}`,
      status: 'succeeded',
      trigger: 'event',
      startedAt,
      endedAt: startedAt + 1,
      durationMs: 1,
      input: { payload },
      steps: [],
      logs: [],
    });
  }
  await history.flush();
  process.stdout.write(`FLUSHED ${n}\n`);
}
