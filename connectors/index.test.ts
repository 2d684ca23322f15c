import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../engine/sdk.js';
import { connectorConnectionTypes, connectors, connectorSteps, createConnectorSteps, type Connector } from './index.js';


describe('createConnectorSteps', () => {
  const steps = createConnectorSteps();
  // derived from the registered connectors, not listed here: adding a connector is its folder and its line
  const types = steps.map((step) => step.type);

  it('builds the connector steps, each type once, registrable beside each other', () => {
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types).size).toBe(types.length);
    expect(createRegistry(steps).list()).toHaveLength(types.length);
    expect(connectorSteps.map((step) => step.type)).toEqual(types);
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

describe('the list of connectors', () => {
  it('registers every connector folder exactly once, and nothing twice', async () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const file = pathToFileURL(join(root, folder, 'index.ts')).href;
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const registered = Object.values(module).filter((value) => connectors.includes(value as Connector));
      expect(registered, `connectors/${folder}/index.ts exports one registered connector`).toHaveLength(1);
    }
    expect(new Set(connectors).size).toBe(connectors.length);
    expect(new Set(connectors.map((connector) => connector.id)).size).toBe(connectors.length);
  });
});
