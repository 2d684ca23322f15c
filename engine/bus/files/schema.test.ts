/**
 * @module Tests of the generated rule and bus schemas: they check what the validator checks, for an IDE.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { builtinTargetTypes } from '../targets/index.js';
import { generateBusSchema, generateRuleSchema, RULE_SCHEMA_ID } from './schema.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const checkRule = ajv.compile(generateRuleSchema(builtinTargetTypes));
const checkBus = ajv.compile(generateBusSchema());

describe('generateRuleSchema', () => {
  it('names itself and lists the target types', () => {
    const schema = generateRuleSchema() as any;
    expect(schema.$id).toBe(RULE_SCHEMA_ID);
    expect(schema.properties.targets.items.properties.type.enum).toEqual(['flow', 'webhook', 'log-store']);
  });

  it('accepts a rule and rejects a target whose config does not fit its type', () => {
    const rule = {
      format: 'flowbus/rule@1',
      name: 'r',
      pattern: { source: ['x'] },
      targets: [{ id: 'f', type: 'flow', config: { flow: 'alarm-to-wecom' } }],
    };
    expect(checkRule(rule)).toBe(true);
    expect(checkRule({ ...rule, targets: [{ id: 'f', type: 'flow', config: { url: 'x' } }] })).toBe(false);
    expect(checkRule({ ...rule, targets: [{ id: 'f', type: 'flow' }] })).toBe(false);
  });
});

describe('generateBusSchema', () => {
  it('accepts a bus file and rejects unknown keys', () => {
    expect(checkBus({ format: 'flowbus/bus@1', name: 'Retail', storeEvents: true })).toBe(true);
    expect(checkBus({ format: 'flowbus/bus@1', name: 'Retail', saveDays: 3 })).toBe(false);
  });
});
