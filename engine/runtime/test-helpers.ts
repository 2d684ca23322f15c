/**
 * @module Helpers for runtime tests: a registry with the built-ins plus probe steps, and a flow builder.
 */
import { FlowbusError } from '../core/errors.js';
import { createRegistry } from '../core/registry.js';
import { defineStep } from '../core/step-definition.js';
import { FLOW_FORMAT, type FlowDocument, type StepNode } from '../flow/document.js';
import { builtinSteps } from '../steps/index.js';

/** Fails `failures` times per execution-scoped counter, then succeeds; or waits `delayMs` honouring the signal. */
export const probeStep = defineStep<{ key: string; failures?: number; delayMs?: number; throwPlain?: boolean }>({
  type: 'probe',
  title: 'Probe',
  category: 'flow-control',
  kind: 'action',
  description: 'Test-only step.',
  sideEffects: true,
  config: {
    type: 'object',
    additionalProperties: false,
    properties: {
      key: { type: 'string', title: 'Key', description: 'Counter key.' },
      failures: { type: 'integer', title: 'Failures', description: 'How many calls fail.' },
      delayMs: { type: 'integer', title: 'Delay', description: 'Wait before answering.' },
      throwPlain: { type: 'boolean', title: 'Throw plain', description: 'Throw a TypeError.' },
    },
    required: ['key'],
  },
  async execute({ config, message, signal }) {
    const calls = (probeCalls.get(config.key) ?? 0) + 1;
    probeCalls.set(config.key, calls);
    if (config.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, config.delayMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new FlowbusError('PROBE:CANCELLED', 'probe cancelled'));
        });
      });
    }
    if (config.throwPlain) throw new TypeError('cannot read properties of undefined');
    if (calls <= (config.failures ?? 0)) throw new FlowbusError('PROBE:FAILED', `call ${calls} failed`, { calls });
    return { vars: { ...message.vars, [config.key]: calls } };
  },
});

/** Calls made to probe steps, by key; reset between tests. */
export const probeCalls = new Map<string, number>();

export const testRegistry = createRegistry([...builtinSteps, probeStep]);

/** A flow with an HTTP trigger and the given steps. */
export function flow(steps: StepNode[]): FlowDocument {
  return {
    format: FLOW_FORMAT,
    name: 'test flow',
    trigger: { id: 'trigger', type: 'http', config: { path: '/test' } },
    steps,
  };
}

export const expr = (source: string) => ({ $expr: source });
