/**
 * @module The iterations of a For Each and the variables around them, for the runtime to follow.
 */
import { FlowbusError } from '../../core/errors.js';
import type { SettingsOf } from '../../core/json-schema.js';
import type { Vars } from '../../core/message.js';
import { copyRecord, setEntry } from '../../core/record-copy.js';
import { invalidConfig, isPlainObject, readInteger, readVariableName } from '../config-values.js';
import type { forEachConfigSchema } from './index.js';

/** Defaults shared by the For Each schema and the runtime. */
export const FOR_EACH_DEFAULTS = { itemVariable: 'item', counterVariable: 'counter' } as const;

/** A For Each's evaluated config, checked, with defaults applied. */
export type ForEachSettings = SettingsOf<typeof forEachConfigSchema>;

/** One run of the For Each body: its 0-based counter and the item (or batch of items) it gets as payload. */
export interface Iteration {
  counter: number;
  payload: unknown;
}

/**
 * Checks an evaluated For Each config and applies defaults; `items` not an array is a VALIDATION error.
 *
 * @example
 * forEachSettings({ items: [1, 2, 3], batchSize: 2 }).itemVariable; // 'item'
 */
export function forEachSettings(config: unknown): ForEachSettings {
  if (!isPlainObject(config)) throw invalidConfig('config', 'an object', config);
  if (!Array.isArray(config.items)) throw invalidConfig('items', 'an array', config.items);
  const settings: ForEachSettings = {
    items: config.items,
    itemVariable: readVariableName(config.itemVariable ?? FOR_EACH_DEFAULTS.itemVariable, 'itemVariable'),
    counterVariable: readVariableName(
      config.counterVariable ?? FOR_EACH_DEFAULTS.counterVariable,
      'counterVariable',
    ),
  };
  if (config.batchSize != null) {
    settings.batchSize = readInteger(config.batchSize, 'batchSize', 1, Number.MAX_SAFE_INTEGER);
  }
  if (config.resultsVariable != null) {
    settings.resultsVariable = readVariableName(config.resultsVariable, 'resultsVariable');
  }
  const { itemVariable, counterVariable, resultsVariable } = settings;
  const sameResults = resultsVariable === itemVariable || resultsVariable === counterVariable;
  if (itemVariable === counterVariable || sameResults) {
    throw new FlowbusError('VALIDATION', 'itemVariable, counterVariable and resultsVariable must differ', {
      field: 'itemVariable',
      expected: 'distinct variable names',
    });
  }
  return settings;
}

/** The iterations: one per item, or one per batch of up to `batchSize` items. */
export function forEachIterations(settings: ForEachSettings): Iteration[] {
  const { items, batchSize } = settings;
  if (batchSize === undefined) return items.map((payload, counter) => ({ counter, payload }));
  const iterations: Iteration[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    iterations.push({ counter: iterations.length, payload: items.slice(start, start + batchSize) });
  }
  return iterations;
}

/** The vars an iteration starts with: the current vars plus the item and the counter. */
export function iterationVars(vars: Vars, settings: ForEachSettings, iteration: Iteration): Vars {
  const result = copyRecord(vars);
  setEntry(result, settings.itemVariable, iteration.payload);
  setEntry(result, settings.counterVariable, iteration.counter);
  return result;
}

/**
 * The vars after the For Each: those of the last iteration (or `before` when there was none), with the item
 * and counter variables back to what they were before, and the collected payloads in `resultsVariable`.
 */
export function varsAfterForEach(
  before: Vars,
  last: Vars,
  settings: ForEachSettings,
  results: unknown[],
): Vars {
  const { itemVariable, counterVariable, resultsVariable } = settings;
  // Built key by key, in the order of `last`, rather than copied and then `delete`d from: an object that
  // loses a key becomes a slow dictionary for every step after the loop.
  const vars: Vars = {};
  for (const name of Object.keys(last)) {
    if (name !== itemVariable && name !== counterVariable) setEntry(vars, name, last[name]);
    else if (Object.hasOwn(before, name)) setEntry(vars, name, before[name]);
  }
  for (const name of [itemVariable, counterVariable]) {
    if (Object.hasOwn(before, name) && !Object.hasOwn(last, name)) setEntry(vars, name, before[name]);
  }
  if (resultsVariable) setEntry(vars, resultsVariable, results);
  return vars;
}
