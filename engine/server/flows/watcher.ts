/**
 * @module Watches the flows folder: a changed, added or deleted flow file is applied once changes settle.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { fileKindOf } from '../../files/kinds.js';
import type { Logger } from '../../logging/logger.js';

/** Everything is checked this often too: recursive watching can miss changes (Node 20 on Linux loses a file
 * once it was replaced by rename twice, which is how every save writes it). */
export const RESCAN_INTERVAL_MS = 5000;

/** Editors write a file in several steps; changes settle for this long before the file is read. */
export const WATCH_SETTLE_MS = 40;

export interface FlowWatcherOptions {
  flowsDir: string;
  logger: Logger;
  /** A flow file changed (or appeared, or vanished). */
  onFile: (path: string) => Promise<void>;
  /** A bus, rule or source file changed (or appeared, or vanished). */
  onBusFile?: (path: string) => Promise<void>;
  /** Something else changed (a folder renamed, an unnamed event): everything is checked. */
  onRescan: () => Promise<void>;
  settleMs?: number;
  /** What the periodic check runs (default `onRescan`): it should be cheap when nothing changed. */
  onPeriodicRescan?: () => Promise<void>;
  rescanIntervalMs?: number;
}

export interface FlowWatcher {
  close(): void;
}

/**
 * Starts watching (recursively). Each path is handled once per burst of events.
 *
 * @example
 * const watcher = watchFlows({
 *   flowsDir, logger, onFile: (path) => catalog.syncPath(path), onRescan: () => catalog.rescan(),
 * });
 */
export function watchFlows(options: FlowWatcherOptions): FlowWatcher {
  const settleMs = options.settleMs ?? WATCH_SETTLE_MS;
  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (key: string, work: () => Promise<void>) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        work().catch((thrown: Error) =>
          options.logger.error('could not apply a flow file change', { error: thrown.message }),
        );
      }, settleMs),
    );
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(options.flowsDir, { recursive: true }, (_event, filename) => {
      const name = filename?.toString();
      // What a change means depends on the file's kind (engine/files/kinds.ts).
      const watch = name ? fileKindOf(name)?.watch : undefined;
      if (name && watch === 'flow') {
        const path = join(options.flowsDir, name);
        schedule(path, () => options.onFile(path));
      } else if (name && watch === 'bus' && options.onBusFile) {
        const path = join(options.flowsDir, name);
        const onBusFile = options.onBusFile;
        schedule(path, () => onBusFile(path));
      } else if (watch === 'none') {
        // Read at start or on each request: nothing to reload.
      } else if (!name || !name.split(/[\\/]/).pop()!.startsWith('.')) {
        // Temp files of atomic saves start with a dot; anything else may be a folder that moved.
        schedule('*', options.onRescan);
      }
    });
  } catch (thrown) {
    options.logger.warn('cannot watch the flows folder; changes need a restart or an API save', {
      error: (thrown as Error).message,
    });
    return { close() {} };
  }
  const periodic = options.onPeriodicRescan ?? options.onRescan;
  const rescanTimer = setInterval(() => schedule('periodic', periodic), options.rescanIntervalMs ?? RESCAN_INTERVAL_MS);
  rescanTimer.unref();
  watcher.on('error', (thrown) => {
    options.logger.warn('flows folder watch failed', { error: thrown.message });
  });
  return {
    close() {
      clearInterval(rescanTimer);
      watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
