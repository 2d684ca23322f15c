/**
 * @module What every field of a property form may need besides its own value: the preview's sample
 * message, the connection configs, and a way to create one.
 */
import { createContext, useContext } from 'react';
import type { ConnectionSummary } from '../api/types.js';
import type { SampleMessage } from '../expressions/sample-message.js';

export interface FormContextValue {
  /** The message expressions are previewed against; absent when there is nothing to preview with. */
  sample?: SampleMessage;
  /** Names of the variables Set Variable steps before the selected one store, for completion. */
  variables?: string[];
  /** Connection configs; undefined while loading. */
  connections?: ConnectionSummary[];
  /** Opens the dialog that creates a connection of a type; resolves with its name when one was made. */
  createConnection?: (type: string) => Promise<string | undefined>;
  /**
   * Objects with declared fields, and lists of them, get forms of their own instead of a JSON input (a
   * rule target's config: message-push receivers, their channels and windows).
   */
  nested?: boolean;
  /** The config is data, never an expression: no field gets the f(x) switch. */
  literal?: boolean;
}

export const FormContext = createContext<FormContextValue>({});

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}
