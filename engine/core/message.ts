/**
 * @module The message that flows through a flow's steps.
 */
import type { FlowError } from './errors.js';

/** What the trigger knows about the request or event: HTTP method, path, headers, or CloudEvent attributes. */
export type Attributes = Record<string, unknown>;

/** Variables stored by Set Variable and read by later steps as `vars.<name>`. */
export type Vars = Record<string, unknown>;

/**
 * The message every step receives and returns.
 *
 * @example
 * const message: Message = { payload: { subject: 'ins-1' }, attributes: { method: 'POST' }, vars: {} };
 */
export interface Message {
  payload: unknown;
  attributes: Attributes;
  vars: Vars;
  /** Set inside a Catch handler: the error that was caught. */
  error?: FlowError;
}

/** What a step returns: each field given replaces the message's; each field left out is inherited. */
export interface StepOutput {
  payload?: unknown;
  attributes?: Attributes;
  vars?: Vars;
}

/** Builds a message with empty attributes and vars where none are given. */
export function createMessage(init: Partial<Message> = {}): Message {
  return {
    payload: init.payload ?? null,
    attributes: init.attributes ?? {},
    vars: init.vars ?? {},
    ...(init.error ? { error: init.error } : {}),
  };
}

/** Applies a step's output to a message: given fields replace, missing fields are inherited. */
export function applyStepOutput(message: Message, output: StepOutput | void): Message {
  if (!output) return message;
  return {
    ...message,
    ...('payload' in output ? { payload: output.payload } : {}),
    ...(output.attributes ? { attributes: output.attributes } : {}),
    ...(output.vars ? { vars: output.vars } : {}),
  };
}
