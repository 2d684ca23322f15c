/**
 * @module Failures of flowbus's own wiring during a delivery (a defect, a runner that is not there or is
 * shutting down), told apart from the target's answer: they never count as an attempt, so an event is never
 * dropped or dead-lettered because of them; the delivery is held and tried again.
 */
import { FlowbusError } from '../../core/errors.js';
import type { RunFlow } from '../types.js';

/** The error type of a failure inside flowbus, not of the target. */
export const INTERNAL_ERROR_TYPE = 'BUS:INTERNAL';

/** Holds before trying a delivery again after an internal failure (then the target's backoff, if longer). */
export const INTERNAL_RETRY_MIN_MS = 1000;

/** A `BUS:INTERNAL` error saying what was being done; `cause` keeps the original with its stack. */
export function internalError(doing: string, cause: unknown): FlowbusError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new FlowbusError(INTERNAL_ERROR_TYPE, `${doing}: ${reason}`, undefined, { cause });
}

/**
 * Whether a delivery failed inside flowbus: a `BUS:INTERNAL` error, or an error only a code defect raises
 * (`ReferenceError` such as a use before initialisation, `SyntaxError`). A target's typed error, or any other
 * error it throws, is its answer and counts as an attempt.
 */
export function isInternalFailure(thrown: unknown): boolean {
  if (thrown instanceof FlowbusError) return thrown.type === INTERNAL_ERROR_TYPE;
  return thrown instanceof ReferenceError || thrown instanceof SyntaxError;
}

/** Our own preparation of a delivery failed: a typed error (a rule transform's) stays the answer. */
export function asInternal(thrown: unknown, doing: string): unknown {
  return thrown instanceof FlowbusError ? thrown : internalError(doing, thrown);
}

/**
 * The runner as the flow target sees it: a typed answer of the runner (`FLOW:NOT_FOUND`, ...) stays an
 * answer; anything else it throws, and `SERVER:STOPPING`, is a failure of ours (an execution that fails
 * is a record, never a throw).
 */
export function guardRunFlow(runFlow: RunFlow): RunFlow {
  return async (flowId, input, options) => {
    try {
      return await runFlow(flowId, input, options);
    } catch (thrown) {
      if (thrown instanceof FlowbusError && thrown.type !== 'SERVER:STOPPING') throw thrown;
      throw internalError(`running flow "${flowId}" failed inside flowbus`, thrown);
    }
  };
}

/** Log fields of an internal failure: the message and the stack of what was first thrown. */
export function internalFields(thrown: unknown): Record<string, unknown> {
  const origin = thrown instanceof FlowbusError && thrown.cause !== undefined ? thrown.cause : thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const stack = origin instanceof Error ? origin.stack : undefined;
  return { error: message, errorType: origin instanceof Error ? origin.name : typeof origin, stack };
}
