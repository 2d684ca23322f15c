/**
 * @module Compiles a rule's transform once: an input transformer (paths + template) or a JSONata expression.
 */
import { FlowbusError } from '../../core/errors.js';
import { joinPointer } from '../../core/issues.js';
import { compileExpression, UNSUPPORTED_REGEX_ERROR } from '../../expressions/index.js';
import type { BusEvent } from '../cloudevents/index.js';
import { toStructuredJson } from '../cloudevents/index.js';
import type { RuleTransform } from '../files/format.js';
import { fillTemplate, RESERVED_NAMES } from './input-template.js';
import { parseJsonPath, readJsonPath, type JsonPath } from './json-path.js';

/** Applies a compiled transform to one event; rejects with a non-retryable `BUS:TRANSFORM` error. */
export type TransformFunction = (event: BusEvent, origin: { bus: string; rule: string }) => Promise<unknown>;

/** A problem of a transform, its pointer absolute (under `/transform`). */
export interface TransformIssue {
  pointer: string;
  code: 'invalid-path' | 'reserved-name' | 'expression-syntax' | 'unsupported-regex';
  message: string;
}

export type CompiledTransform =
  | { ok: true; apply: TransformFunction }
  | { ok: false; issues: TransformIssue[] };

/**
 * Compiles `transform` (already checked against the rule schema) and reports every problem in it.
 *
 * @example
 * const compiled = compileTransform({ inputPaths: { id: '$.subject' }, template: { instance: '<id>' } });
 * if (compiled.ok) await compiled.apply(event, { bus: 'default', rule: 'cvm' }); // { instance: 'ins-1' }
 */
export function compileTransform(transform: RuleTransform, pointer = '/transform'): CompiledTransform {
  if ('jsonata' in transform) return compileJsonata(transform.jsonata, joinPointer(pointer, 'jsonata'));
  const issues: TransformIssue[] = [];
  const paths = new Map<string, JsonPath>();
  for (const [name, text] of Object.entries(transform.inputPaths ?? {})) {
    const at = joinPointer(pointer, 'inputPaths', name);
    if ((RESERVED_NAMES as readonly string[]).includes(name)) {
      const message = `"${name}" is reserved: choose another name`;
      issues.push({ pointer: at, code: 'reserved-name', message });
      continue;
    }
    const parsed = parseJsonPath(text);
    if (parsed.ok) paths.set(name, parsed.path);
    else issues.push({ pointer: at, code: 'invalid-path', message: parsed.message });
  }
  if (issues.length > 0) return { ok: false, issues };
  const template = transform.template;
  return {
    ok: true,
    apply: async (event, origin) => {
      const json = toStructuredJson(event);
      const values = new Map<string, unknown>([
        ['$event', json],
        ['$rule', origin.rule],
        ['$bus', origin.bus],
      ]);
      for (const [name, path] of paths) values.set(name, readJsonPath(json, path));
      return fillTemplate(template, values);
    },
  };
}

function compileJsonata(source: string, pointer: string): CompiledTransform {
  let expression: ReturnType<typeof compileExpression>;
  try {
    expression = compileExpression(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const regex = (error as FlowbusError).type === UNSUPPORTED_REGEX_ERROR;
    const code = regex ? 'unsupported-regex' : 'expression-syntax';
    return { ok: false, issues: [{ pointer, code, message }] };
  }
  return {
    ok: true,
    apply: async (event, origin) => {
      try {
        const result = await expression.evaluate(toStructuredJson(event), { bindings: { ...origin } });
        return result === undefined ? null : result;
      } catch (error) {
        const message = `transform of rule "${origin.rule}" failed: ${(error as Error).message}`;
        const type = (error as FlowbusError).type ?? 'EXPRESSION:EVALUATION';
        throw new FlowbusError('BUS:TRANSFORM', message, { retryable: false, cause: type });
      }
    },
  };
}
