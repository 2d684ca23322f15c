/**
 * @module Journal damage after a crash: the whole server in a child is killed with SIGKILL while about 500
 * acknowledged events wait for a target that does not answer; then its journal segment is damaged and the
 * server restarted on it. A record cut short at the end (a torn write) is cut off with a warning and nothing
 * acknowledged is lost; a garbage line and a flipped byte in the middle are corruption: logged at error level
 * with file and offset, the segment copied aside, every intact event delivered, `/api/health` degraded and
 * the damage counted in the metrics.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSegment, type SegmentRecord } from '../../engine/store/segments/index.js';
import { burstAndKill, killAll, startChild, startRecorder, stopChild, type Child } from './crash-harness.js';
import type { Recorder } from './crash-harness.js';
import { ruleFile, waitFor } from './helpers.js';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const folders: string[] = [];
let receiver: Recorder;

beforeAll(async () => {
  receiver = await startRecorder();
});

afterAll(async () => {
  killAll();
  await receiver.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

interface Crashed {
  flowsDir: string;
  dataDir: string;
  journalDir: string;
  segment: string;
  acked: Set<string>;
  /** The records of the segment as the kill left it, with the end offset of each. */
  records: Array<SegmentRecord & { end: number; record: { t: string; ev?: { id: string } } }>;
}

/** A server whose target never answers is killed once 500 events are acknowledged: all of them pending. */
async function crashWithPending(source: string): Promise<Crashed> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-journal-crash-'));
  folders.push(folder);
  const flowsDir = join(folder, 'flows');
  const dataDir = join(folder, 'data');
  await mkdir(flowsDir);
  const target = { id: 'sink', type: 'webhook', config: { url: receiver.url, timeoutMs: 120_000 } };
  await writeFile(join(flowsDir, 'sink.rule.json'), JSON.stringify(ruleFile({ source: [source] }, [target])));
  receiver.received.clear();
  receiver.holding = true;
  const child = await startChild(CHILD, [flowsDir, dataDir]);
  const acked = await burstAndKill(child, { total: 800, killAfterAcks: 500, concurrency: 16, source });
  receiver.holding = false;
  const journalDir = join(dataDir, 'bus', 'journal');
  const segments = (await readdir(journalDir)).filter((name) => name.endsWith('.seg'));
  expect(segments).toHaveLength(1);
  const segment = join(journalDir, segments[0]!);
  const bytes = await readFile(segment);
  const scan = scanSegment(bytes, { kind: 'bus-journal', newest: true });
  expect(scan.damages).toEqual([]);
  const records = scan.records.map((record, index) => ({
    ...record,
    end: scan.records[index + 1]?.offset ?? bytes.length,
    record: record.value as { t: string; ev?: { id: string } },
  }));
  return { flowsDir, dataDir, journalDir, segment, acked: new Set(acked), records };
}

const isAckedEvent = (crashed: Crashed, index: number) => {
  const { record } = crashed.records[index]!;
  return record.t === 'e' && crashed.acked.has(record.ev!.id);
};

async function health(child: Child): Promise<{ status: string; problems?: Array<{ component: string }> }> {
  return (await fetch(`${child.url}/api/health`)).json() as Promise<any>;
}

async function metrics(child: Child): Promise<string> {
  return (await fetch(`${child.url}/api/metrics`)).text();
}

function logLines(child: Child, level: string, text: string): Array<Record<string, any>> {
  const lines = child.logs.filter((line) => line.includes(text)).map((line) => JSON.parse(line));
  return lines.filter((line) => line.level === level);
}

async function waitForDelivery(ids: string[]): Promise<void> {
  await waitFor(() => ids.every((id) => receiver.received.has(id)), 'every intact acknowledged event', 90_000);
}

describe('journal damage after a crash', () => {
  it('cuts a torn tail off with a warning and loses no acknowledged event', async () => {
    const crashed = await crashWithPending('torn.crash');
    const { records, segment } = crashed;
    // Cut inside the first record after which no acknowledged event follows: a torn write can only hold
    // records never acknowledged, since an event is acknowledged once its write is on disk.
    let first = records.length;
    while (first > 0 && !isAckedEvent(crashed, first - 1)) first -= 1;
    const torn = records[first];
    let tornOffset: number;
    if (torn) {
      tornOffset = torn.offset;
      await truncate(segment, torn.offset + Math.floor((torn.end - torn.offset) / 2));
    } else {
      // The last record is an acknowledged event: tear a record that was being written after it.
      tornOffset = records.at(-1)!.end;
      await writeFile(segment, '3f2a1b0c {"t":"e","s":99999,"b":"default"', { flag: 'a' });
    }
    const cutEvents = records.slice(first).filter((entry) => entry.record.t === 'e').length;

    const second = await startChild(CHILD, [crashed.flowsDir, crashed.dataDir]);
    await waitForDelivery([...crashed.acked]);
    console.log(
      `torn tail: ${crashed.acked.size} acknowledged, ${records.length} records; a "${torn?.record.t ?? 'e'}" ` +
        `record torn at byte ${tornOffset}; ${cutEvents} unacknowledged events cut off; all acknowledged delivered`,
    );
    const warnings = logLines(second, 'warn', 'cut short by a crash');
    expect(warnings).toEqual([expect.objectContaining({ file: segment, offset: tornOffset })]);
    expect(logLines(second, 'error', 'corrupt')).toEqual([]);
    expect((await health(second)).status).toBe('ok');
    expect((await readdir(crashed.journalDir)).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    expect(await metrics(second)).toContain('flowbus_bus_journal_damage_total{kind="torn-tail"} 1');
    await stopChild(second);
  }, 150_000);

  it('keeps a corrupt segment aside, reports it, and delivers every intact event', async () => {
    const crashed = await crashWithPending('corrupt.crash');
    const { records, segment, journalDir } = crashed;
    const garbageAt = records[Math.floor(records.length / 3)]!.offset;
    let flipIndex = Math.floor((records.length * 2) / 3);
    while (!isAckedEvent(crashed, flipIndex)) flipIndex += 1;
    const flipped = records[flipIndex]!;
    const lostId = flipped.record.ev!.id;
    const bytes = await readFile(segment);
    const typeAt = bytes.indexOf('"crash.event"', flipped.offset);
    expect(typeAt).toBeLessThan(flipped.end);
    // "crash.event" becomes "Crash.event": still JSON, only the checksum tells.
    bytes[typeAt + 1]! ^= 0x20;
    const garbage = Buffer.from('garbage written over the journal\n');
    const damaged = Buffer.concat([bytes.subarray(0, garbageAt), garbage, bytes.subarray(garbageAt)]);
    await writeFile(segment, damaged);

    const second = await startChild(CHILD, [crashed.flowsDir, crashed.dataDir]);
    const intact = [...crashed.acked].filter((id) => id !== lostId);
    await waitForDelivery(intact);
    console.log(
      `corrupt segment: ${crashed.acked.size} acknowledged, a garbage line at byte ${garbageAt} and a ` +
        `flipped byte in event ${lostId}; ${intact.length} intact events delivered`,
    );
    const errors = logLines(second, 'error', 'corrupt');
    expect(errors.map((line) => [line.file, line.offset, line.reason])).toEqual([
      [segment, garbageAt, expect.stringContaining('no checksum')],
      [segment, flipped.offset + garbage.length, 'checksum mismatch'],
    ]);
    const copies = (await readdir(journalDir)).filter((name) => name.includes('.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(errors[0]!.keptAs).toBe(join(journalDir, copies[0]!));
    expect(await readFile(join(journalDir, copies[0]!))).toEqual(damaged);
    const state = await health(second);
    expect(state.status).toBe('degraded');
    expect(state.problems?.map((problem) => problem.component)).toEqual(['bus-journal']);
    const text = await metrics(second);
    expect(text).toContain('flowbus_bus_journal_damage_total{kind="corrupt"} 2');
    expect(text).toContain('flowbus_bus_journal_corrupt_copies 1');
    expect(receiver.received.has(lostId)).toBe(false);
    await stopChild(second);
  }, 150_000);
});
