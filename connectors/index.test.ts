import { describe, expect, it } from 'vitest';
import { createRegistry } from '../engine/sdk.js';
import { connectorConnectionTypes, connectorSteps, createConnectorSteps } from './index.js';

const TYPES = [
  'wecom-robot',
  'dingtalk-robot',
  'feishu-robot',
  'slack-robot',
  'email',
  'rabbitmq-publish',
  'nats-publish',
];

describe('createConnectorSteps', () => {
  const steps = createConnectorSteps();

  it('builds the connector steps, registrable beside each other', () => {
    expect(steps.map((step) => step.type)).toEqual(TYPES);
    expect(createRegistry(steps).list()).toHaveLength(TYPES.length);
    expect(connectorSteps.map((step) => step.type)).toEqual(TYPES);
  });

  it.each(steps.map((step) => [step.type, step] as const))('%s is a documented connector', (_type, step) => {
    expect(step.category).toBe('connector');
    expect(step.kind).toBe('action');
    expect(step.sideEffects).toBe(true);
    expect(typeof step.execute).toBe('function');
    expect(step.description).toContain('```json');
    expect(step.config.required).toContain('connection');
    expect(step.config.additionalProperties).toBe(false);
    const namespace = step.type === 'email' ? 'EMAIL' : step.type.split('-')[0].toUpperCase();
    const types = step.errors?.map((error) => error.type) ?? [];
    expect(types).toEqual(expect.arrayContaining([`${namespace}:CONNECTIVITY`, 'VALIDATION']));
    for (const type of types) expect(step.description).toContain(`\`${type}\``);
  });

  it('marks each connection field with a connection type that exists and has its secrets marked', () => {
    const byType = new Map(connectorConnectionTypes.map((definition) => [definition.type, definition]));
    for (const step of steps) {
      const field = step.config.properties?.connection;
      expect(field?.['x-expression']).toBe(false);
      const connectionType = byType.get(String(field?.['x-connection']));
      expect(connectionType, step.type).toBeDefined();
      const properties = Object.values(connectionType!.schema.properties ?? {});
      expect(properties.some((property) => property['x-secret'] === true)).toBe(true);
    }
    expect(byType.get('wecom-robot')?.schema.properties?.webhook['x-secret']).toBe(true);
    expect(byType.get('dingtalk-robot')?.schema.properties?.secret['x-secret']).toBe(true);
    expect(byType.get('email')?.schema.properties?.password['x-secret']).toBe(true);
  });

  it('gives every call its own steps (and so its own rate-limit queues)', () => {
    const other = createConnectorSteps();
    steps.forEach((step, index) => expect(other[index]).not.toBe(step));
  });
});
