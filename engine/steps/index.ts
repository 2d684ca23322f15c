/**
 * @module The built-in step types, in palette order.
 */
import type { StepDefinition } from '../core/step-definition.js';
import { choiceStep } from './choice/index.js';
import { delayStep } from './delay/index.js';
import { eventTrigger } from './event/index.js';
import { flowReferenceStep } from './flow-reference/index.js';
import { forEachStep } from './for-each/index.js';
import { httpRequestStep } from './http-request/index.js';
import { httpTrigger } from './http/index.js';
import { loggerStep } from './logger/index.js';
import { raiseErrorStep } from './raise-error/index.js';
import { removeVariableStep } from './remove-variable/index.js';
import { setPayloadStep } from './set-payload/index.js';
import { setVariableStep } from './set-variable/index.js';
import { transformStep } from './transform/index.js';
import { tryStep } from './try/index.js';

export {
  choiceStep,
  delayStep,
  eventTrigger,
  flowReferenceStep,
  forEachStep,
  httpRequestStep,
  httpTrigger,
  loggerStep,
  raiseErrorStep,
  removeVariableStep,
  setPayloadStep,
  setVariableStep,
  transformStep,
  tryStep,
};

/**
 * Every built-in step type; the composition root registers them with the connectors'.
 *
 * @example
 * const registry = createRegistry([...builtinSteps, ...connectorSteps]);
 */
export const builtinSteps: StepDefinition[] = [
  httpTrigger,
  eventTrigger,
  setVariableStep,
  removeVariableStep,
  setPayloadStep,
  transformStep,
  choiceStep,
  forEachStep,
  delayStep,
  flowReferenceStep,
  tryStep,
  raiseErrorStep,
  loggerStep,
  httpRequestStep,
];
