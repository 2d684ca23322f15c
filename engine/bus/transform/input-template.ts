/**
 * @module Filling an input transformer's template: `"<name>"` takes the value itself, `<name>` inside a
 * longer string takes its text. Only names the transformer defines (and `$event`, `$rule`, `$bus`) are
 * replaced, so markup such as `<font color="warning">` passes through untouched.
 */

/** Values a template may name besides its input paths. */
export const RESERVED_NAMES = ['$event', '$rule', '$bus'] as const;

const PLACEHOLDER = /<([A-Za-z_$][A-Za-z0-9_.$-]*)>/g;
const WHOLE = /^<([A-Za-z_$][A-Za-z0-9_.$-]*)>$/;

/**
 * Builds a new value shaped like `template` with the placeholders filled from `values`. A placeholder whose
 * value is missing becomes `null` as a whole value and nothing inside text.
 *
 * @example
 * fillTemplate({ text: 'Alarm on <instance>', id: '<instance>' }, { instance: 'ins-1' });
 * // { text: 'Alarm on ins-1', id: 'ins-1' }
 */
export function fillTemplate(template: unknown, values: ReadonlyMap<string, unknown>): unknown {
  if (typeof template === 'string') return fillString(template, values);
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, values));
  if (typeof template === 'object' && template !== null) {
    const filled: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(template)) filled[key] = fillTemplate(item, values);
    return filled;
  }
  return template;
}

function fillString(text: string, values: ReadonlyMap<string, unknown>): unknown {
  const whole = WHOLE.exec(text);
  if (whole && values.has(whole[1]!)) return values.get(whole[1]!) ?? null;
  return text.replace(PLACEHOLDER, (placeholder, name: string) => {
    return values.has(name) ? asText(values.get(name)) : placeholder;
  });
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
