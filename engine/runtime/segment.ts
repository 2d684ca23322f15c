/**
 * @module A run of consecutive plain steps, executed as one machine state: fewer actors per execution,
 * the same semantics. A failure carries the message the failing step received, which a Catch handler starts from.
 */
import type { FlowError } from '../core/errors.js';
import { toFlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { RunState } from './environment.js';
import type { PlanAction } from './plan.js';
import { runAction, traceSkipped } from './step-runner.js';

/** Thrown by {@link runSegment}: the step's error and the message the step was given. */
export class SegmentFailure {
  constructor(
    readonly error: FlowError,
    readonly message: Message,
  ) {}
}

/** Runs `steps` one after another (skipping disabled ones); returns the last step's output message. */
export async function runSegment(steps: PlanAction[], context: RunState): Promise<Message> {
  let message = context.message;
  for (const step of steps) {
    if (step.disabled) {
      traceSkipped(step, context);
      continue;
    }
    try {
      message = await runAction(step, message === context.message ? context : { ...context, message });
    } catch (error) {
      throw new SegmentFailure(toFlowError(error, step.id), message);
    }
  }
  return message;
}
