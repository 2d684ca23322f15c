/**
 * @module An execution's cancellation: its AbortSignal is made when something reads it or the execution is
 * stopped. An AbortController costs about 2 µs to make, and most executions are never stopped nor have a step
 * that waits on the signal.
 */

/** Stops an execution's steps and evaluations; an instance per execution. */
export class Cancellation {
  #controller: AbortController | undefined;

  /** Aborted when the execution is stopped (timed out or cancelled). */
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  /** Whether the execution was stopped, without making the signal. */
  get aborted(): boolean {
    return this.#controller?.signal.aborted === true;
  }

  /** Aborts the signal with `reason`, whether or not it was read before. */
  abort(reason: unknown): void {
    (this.#controller ??= new AbortController()).abort(reason);
  }
}
