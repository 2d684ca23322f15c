/**
 * @module The message an f(x) preview is evaluated against: what the step received in the last run, else
 * the trigger's sample event, else the last run's input.
 */
import type { TFunction } from 'i18next';
import type { Message } from '../../../engine/core/message.js';
import { eventTriggerInput } from '../../../engine/runtime/trigger-input.js';
import type { StoredExecution } from '../api/types.js';
import { triggerOf, type DraftFlow } from '../model/draft.js';
import { stepInput } from '../runs/trace.js';

/** Where a sample message came from, for the preview's caption (`expression.sources` texts). */
export type SampleSource = 'step-input' | 'sample-event' | 'last-run';

export interface SampleMessage {
  message: Message;
  source: SampleSource;
  /** Set inside a Catch handler when the run gave no error: the message has `EXAMPLE_ERROR`. */
  exampleError?: boolean;
}

/** The preview caption's "where from", in the UI language. */
export function sampleSourceText(sample: SampleMessage, t: TFunction): string {
  const source = t(`expression.sources.${sample.source}`);
  return sample.exampleError ? t('expression.withExampleError', { source }) : source;
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
  if (received) sample = { message: received, source: 'step-input' };
  else if (isRecord(sampleEvent)) {
    const input = eventTriggerInput(sampleEvent);
    sample = { message: { payload: input.payload, attributes: input.attributes ?? {}, vars: {} }, source: 'sample-event' };
  } else if (lastRun) {
    const { payload, attributes = {}, vars = {} } = lastRun.input;
    sample = { message: { payload, attributes, vars }, source: 'last-run' };
  }
  if (sample && inCatch && !sample.message.error) {
    sample = { message: { ...sample.message, error: EXAMPLE_ERROR }, source: sample.source, exampleError: true };
  }
  return sample;
}
