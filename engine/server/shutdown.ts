/**
 * @module Graceful shutdown on SIGTERM and SIGINT; a second signal exits at once.
 */
import type { Logger } from '../logging/logger.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Closes the server on the first signal and then exits the process; returns a function that removes the
 * handlers (called when the server is closed another way).
 */
export function installSignalHandlers(close: () => Promise<void>, logger: Logger): () => void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn(`received ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    received = true;
    logger.info(`received ${signal}: shutting down`);
    close().then(
      () => process.exit(0),
      (thrown: Error) => {
        logger.error('shutdown failed', { error: thrown.message });
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
