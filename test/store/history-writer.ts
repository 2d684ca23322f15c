/**
 * @module Child process of the history crash test: appends execution records to the segment history in
 * bursts (the next one always being written) and prints `FLUSHED <n>` once the first n are durable, until
 * it is killed.
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
const payload = { text: 'x'.repeat(2000) };
/** Adds one burst and starts its flush; answers the count durable once that flush resolves. */
function burst(from: number): { next: number; durable: Promise<number> } {
  let n = from;
  for (let k = 0; k < 200; k++, n++) {
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
  return { next: n, durable: history.flush().then(() => n) };
}

// The next burst is on its way to the disk before the last one is reported, so the kill lands mid-write.
let current = burst(start);
for (;;) {
  const following = burst(current.next);
  process.stdout.write(`FLUSHED ${await current.durable}\n`);
  current = following;
}
