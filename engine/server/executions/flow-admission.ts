/**
 * @module Per-flow admission, where executions start: at most `concurrency` executions of one flow run at
 * once; more wait in the flow's queue, which holds at most `queueSize`; past that a start is refused with
 * `SERVER:BUSY` (429 and `Retry-After`), so waiting work, and the memory it holds, stays bounded.
 */
import { FlowbusError } from '../../core/errors.js';

export interface FlowAdmissionLimits {
  concurrency: number;
  queueSize: number;
}

interface FlowSlots {
  running: number;
  waiting: Array<() => void>;
}

/** Seconds a refused caller is told to wait. */
export const BUSY_RETRY_AFTER_S = 1;

/** The slots of every flow. */
export class FlowAdmission {
  private readonly flows = new Map<string, FlowSlots>();

  constructor(private readonly limits: FlowAdmissionLimits) {}

  /**
   * Resolves with a release function once the flow has a free slot. `unbounded` waits even when the queue
   * is full (the bus's flow target: its own queue bounds what it sends); otherwise a full queue throws.
   *
   * @example
   * const release = await admission.acquire('alarm-to-wecom');
   * try { await run(); } finally { release(); }
   */
  async acquire(flowId: string, unbounded = false): Promise<() => void> {
    const slots = this.flows.get(flowId) ?? { running: 0, waiting: [] };
    this.flows.set(flowId, slots);
    if (slots.running < this.limits.concurrency) {
      slots.running += 1;
      return this.releaser(flowId, slots);
    }
    if (!unbounded && slots.waiting.length >= this.limits.queueSize) {
      const { concurrency, queueSize } = this.limits;
      const message =
        `flow "${flowId}" has ${concurrency} executions running and ${slots.waiting.length} waiting ` +
        `(limits.flowConcurrency ${concurrency}, limits.flowQueueSize ${queueSize}); retry in ${BUSY_RETRY_AFTER_S} s`;
      throw new FlowbusError('SERVER:BUSY', message, { flowId, retryAfterSeconds: BUSY_RETRY_AFTER_S });
    }
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
    return this.releaser(flowId, slots);
  }

  /** Whether a start that may not wait unbounded would be refused now: every slot taken, the queue full. */
  full(flowId: string): boolean {
    const slots = this.flows.get(flowId);
    if (!slots) return false;
    return slots.running >= this.limits.concurrency && slots.waiting.length >= this.limits.queueSize;
  }

  /** Executions of a flow waiting for a slot. */
  waiting(flowId: string): number {
    return this.flows.get(flowId)?.waiting.length ?? 0;
  }

  private releaser(flowId: string, slots: FlowSlots): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slots.waiting.shift();
      // The slot passes straight to the next waiter: `running` stays as it is.
      if (next) return next();
      slots.running -= 1;
      if (slots.running === 0) this.flows.delete(flowId);
    };
  }
}
