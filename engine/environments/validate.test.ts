import { describe, expect, it } from 'vitest';
import { connectorConnectionTypes } from '../../connectors/index.js';
import { validateEnvironment } from './validate.js';

const types = new Map(connectorConnectionTypes.map((definition) => [definition.type, definition]));
const valid = {
  format: 'flowbus/environment@1',
  name: 'Production',
  connections: {
    'ops-wecom': { type: 'wecom-robot', values: { webhook: { $secret: 'OPS_WECOM_WEBHOOK' } } },
    'ops-stored': { type: 'wecom-robot', store: 'ops-wecom-prod' },
  },
  variables: { FLOWBUS_VAR_REGION: 'ap-guangzhou', FLOWBUS_VAR_TOKEN: { $secret: 'PARTNER_TOKEN' } },
  rules: { 'cvm-alarms-to-im': { enabled: false } },
  limits: { executionTimeoutMs: 20000 },
};

describe('validateEnvironment', () => {
  it('accepts a file that references its secrets', () => {
    expect(validateEnvironment(valid, { types })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string, string]>([
    ['a secret written in clear', { connections: { x: { type: 'wecom-robot', values: { webhook: 'https://qyapi.weixin.qq.com/k' } } } }, '/connections/x/values/webhook', 'inlined-secret', '"webhook" is a secret: write a reference {"$secret": "ENV_VAR_NAME"}'],
    ['an unknown connection type', { connections: { x: { type: 'wecom', values: {} } } }, '/connections/x/type', 'unknown-connection-type', 'unknown connection type "wecom"; known types: '],
    ['a missing required field', { connections: { x: { type: 'wecom-robot', values: {} } } }, '/connections/x/values/webhook', 'missing-field', 'connection "x" of type "wecom-robot" needs "webhook"'],
    ['a connection without values', { connections: { x: { type: 'wecom-robot' } } }, '/connections/x/values', 'missing-field', 'connection "x" needs "values" (or "store")'],
    ['a connection that is not an object', { connections: { x: 'https://example.test' } }, '/connections/x', 'wrong-type', 'connection "x" must be {"type": "...", "values": {...}}'],
    ['a bad secret name', { variables: { FLOWBUS_VAR_X: { $secret: 'not a name' } } }, '/variables/FLOWBUS_VAR_X/$secret', 'wrong-type', 'a secret is named by an environment variable'],
    ['a variable that is a number', { variables: { FLOWBUS_VAR_X: 3 } }, '/variables/FLOWBUS_VAR_X', 'wrong-type', 'a variable must be a text or a reference'],
    ['a rule switch without enabled', { rules: { r: { on: true } } }, '/rules/r', 'wrong-type', 'a rule switch must be {"enabled": true} or {"enabled": false}'],
    ['an unknown limit', { limits: { bodySize: 3 } }, '/limits/bodySize', 'unknown-key', 'unknown limit "bodySize"; known limits: bodyBytes, '],
    ['an unknown key', { secrets: {} }, '/secrets', 'unknown-key', 'unknown key "secrets"'],
    ['another format', { format: 'flowbus/env@1' }, '/format', 'unsupported-format', '"format" must be "flowbus/environment@1"'],
    ['no name', { name: '' }, '/name', 'missing-field', '"name" must be the environment\'s title'],
  ])('reports %s at its pointer', (_name, change, pointer, code, message) => {
    const issues = validateEnvironment({ ...valid, ...change }, { file: 'flows/environments/production.env.json', types });
    expect(issues).toEqual([{ file: 'flows/environments/production.env.json', pointer, code, message: expect.stringContaining(message) }]);
  });
});
