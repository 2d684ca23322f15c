/**
 * @module The message an f(x) preview is evaluated against: what the step received in the last run, else
 * the trigger's sample event, else the last run's input.
 */
import type { Message } from '../../../engine/core/message.js';
import { eventTriggerInput } from '../../../engine/runtime/trigger-input.js';
import type { StoredExecution } from '../api/types.js';
import { triggerOf, type DraftFlow } from '../model/draft.js';
import { stepInput } from '../runs/trace.js';

export interface SampleMessage {
  message: Message;
  /** Where it came from, for the preview's caption. */
  source: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An error for previews inside a Catch handler when the run gave none. */
export const EXAMPLE_ERROR = { type: 'HTTP:CONNECTIVITY', message: 'an example error for the preview', step: 'example' };

/**
 * The sample message for a step. Inside a Catch handler (`inCatch`) it always has an `error`.
 *
 * @example
 * sampleMessage(draft, 'body', false, lastRun)?.message.payload;
 */
export function sampleMessage(
  draft: DraftFlow,
  stepId: string | undefined,
  inCatch: boolean,
  lastRun: StoredExecution | undefined,
): SampleMessage | undefined {
  let sample: SampleMessage | undefined;
  const received = lastRun && stepId ? stepInput(lastRun, stepId) : undefined;
  const sampleEvent = triggerOf(draft)?.config?.sampleEvent;
  if (received) sample = { message: received, source: 'the input of this step in the last run' };
  else if (isRecord(sampleEvent)) {
    const input = eventTriggerInput(sampleEvent);
    sample = { message: { payload: input.payload, attributes: input.attributes ?? {}, vars: {} }, source: "the trigger's sample event" };
  } else if (lastRun) {
    const { payload, attributes = {}, vars = {} } = lastRun.input;
    sample = { message: { payload, attributes, vars }, source: 'the input of the last run' };
  }
  if (sample && inCatch && !sample.message.error) {
    sample = { message: { ...sample.message, error: EXAMPLE_ERROR }, source: `${sample.source}, with an example error` };
  }
  return sample;
}
