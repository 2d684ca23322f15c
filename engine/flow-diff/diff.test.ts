import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { defineStep } from '../core/step-definition.js';
import { testDefinitions } from '../flow/test-registry.js';
import { diffDocuments, type DiffEntry } from './diff.js';
import { renderDiff, renderDocument } from './render.js';

const signer = defineStep({
  type: 'signer',
  title: 'Signer',
  category: 'http',
  kind: 'action',
  description: 'Signs the payload.',
  config: { type: 'object', properties: { key: { type: 'string', 'x-secret': true }, algorithm: { type: 'string' } } },
});
const registry = createRegistry([...testDefinitions, signer]);

const base = () => ({
  format: 'flowbus/flow@1',
  name: 'Alarm',
  trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
  steps: [
    { id: 'body', type: 'set-variable', name: 'Keep the body', config: { name: 'body', value: { $expr: 'payload' } } },
    { id: 'sign', type: 'signer', config: { key: 'k-1', algorithm: 'sha256' } },
    {
      id: 'guard',
      type: 'try',
      steps: [{ id: 'send', type: 'logger', config: { level: 'INFO', content: 'sent' } }],
      catch: [{ id: 'on-any', config: { errorTypes: ['ANY'] }, steps: [{ id: 'log', type: 'logger', config: { level: 'ERROR', content: 'x' } }] }],
    },
    { id: 'done', type: 'logger', config: { level: 'INFO', content: 'done' } },
  ],
});

type Flow = ReturnType<typeof base>;
const changed = (edit: (flow: Flow) => void) => {
  const flow = base();
  edit(flow);
  return flow;
};

describe('diffDocuments on flows', () => {
  it.each<[string, (flow: Flow) => void, DiffEntry[]]>([
    ['nothing', () => {}, []],
    [
      'a config field',
      (flow) => (flow.steps[0]!.config!.name = 'message'),
      [{ change: 'changed', node: 'step', id: 'body', type: 'set-variable', pointer: '/config/name', before: 'body', after: 'message' }],
    ],
    [
      'an expression, kept as an expression',
      (flow) => (flow.steps[0]!.config!.value = { $expr: 'payload.data' }),
      [{ change: 'changed', node: 'step', id: 'body', type: 'set-variable', pointer: '/config/value', before: { $expr: 'payload' }, after: { $expr: 'payload.data' } }],
    ],
    [
      'a title',
      (flow) => (flow.steps[0]!.name = 'Keep it all'),
      [{ change: 'renamed', node: 'step', id: 'body', type: 'set-variable', pointer: '/name', before: 'Keep the body', after: 'Keep it all' }],
    ],
    [
      'a secret field, never shown',
      (flow) => (flow.steps[1]!.config!.key = 'k-2'),
      [{ change: 'changed', node: 'step', id: 'sign', type: 'signer', pointer: '/config/key', before: '(secret)', after: '(secret)' }],
    ],
    [
      'the trigger',
      (flow) => (flow.trigger.config.bus = 'ops'),
      [{ change: 'changed', node: 'trigger', id: 'on-alarm', type: 'event', pointer: '/config/bus', before: 'default', after: 'ops' }],
    ],
    [
      'the flow name',
      (flow) => (flow.name = 'Alarms'),
      [{ change: 'changed', node: 'root', pointer: '/name', before: 'Alarm', after: 'Alarms' }],
    ],
    [
      'a step added in a scope, without marking later steps moved',
      (flow) => flow.steps[2]!.steps!.unshift({ id: 'audit', type: 'logger', config: { level: 'INFO', content: 'a' } }),
      [{ change: 'added', node: 'step', id: 'audit', type: 'logger', after: { id: 'audit', type: 'logger', config: { level: 'INFO', content: 'a' } }, to: { scope: 'guard.steps', index: 0 } }],
    ],
    [
      'a step removed',
      (flow) => flow.steps.splice(3, 1),
      [{ change: 'removed', node: 'step', id: 'done', type: 'logger', before: { id: 'done', type: 'logger', config: { level: 'INFO', content: 'done' } }, from: { scope: 'steps', index: 3 } }],
    ],
    [
      'a step moved to another position',
      (flow) => flow.steps.unshift(flow.steps.pop()!),
      [{ change: 'moved', node: 'step', id: 'done', type: 'logger', from: { scope: 'steps', index: 3 }, to: { scope: 'steps', index: 0 } }],
    ],
    [
      'a step moved into another scope',
      (flow) => flow.steps[2]!.catch![0]!.steps.push(flow.steps.pop() as never),
      [{ change: 'moved', node: 'step', id: 'done', type: 'logger', from: { scope: 'steps', index: 3 }, to: { scope: 'on-any.steps', index: 1 } }],
    ],
    [
      'a catch branch',
      (flow) => (flow.steps[2]!.catch![0]!.config.errorTypes = ['HTTP']),
      [{ change: 'changed', node: 'branch', id: 'on-any', pointer: '/config/errorTypes', before: ['ANY'], after: ['HTTP'] }],
    ],
  ])('reports %s', (_name, edit, expected) => {
    expect(diffDocuments(base(), changed(edit), 'flow', { registry })).toEqual(expected);
  });

  it('hides a secret of an added or removed step', () => {
    const [entry] = diffDocuments(changed((flow) => flow.steps.splice(1, 1)), base(), 'flow', { registry });
    expect(entry).toMatchObject({ change: 'added', id: 'sign', after: { config: { key: '(secret)', algorithm: 'sha256' } } });
    expect(JSON.stringify(diffDocuments(base(), {}, 'flow', { registry }))).not.toContain('k-1');
  });

  it('gives every step of an added file as added', () => {
    const entries = diffDocuments(undefined, base(), 'flow', { registry });
    expect(entries.filter((entry) => entry.change === 'added').map((entry) => entry.id)).toEqual(['on-alarm', 'body', 'sign', 'guard', 'send', 'on-any', 'log', 'done']);
  });
});

describe('diffDocuments on rules', () => {
  const rule = () => ({
    format: 'flowbus/rule@1',
    name: 'CVM',
    enabled: true,
    pattern: { source: ['cvm.cloud.tencent'], type: [{ prefix: 'cvm:ErrorEvent:' }] },
    targets: [
      { id: 'wecom', type: 'flow', config: { flow: 'alarm-to-wecom' } },
      { id: 'archive', type: 'log-store' },
    ],
  });
  it('reports pattern fields, targets added, removed, moved and changed', () => {
    const after = rule();
    after.pattern.source = ['cvm.cloud.tencent', 'cbs.cloud.tencent'];
    after.enabled = false;
    after.targets.reverse();
    after.targets[1]!.config = { flow: 'alarm-to-feishu' };
    after.targets.push({ id: 'push', type: 'webhook' });
    expect(diffDocuments(rule(), after, 'rule')).toEqual([
      { change: 'changed', node: 'root', pointer: '/enabled', before: true, after: false },
      { change: 'changed', node: 'root', pointer: '/pattern/source', before: ['cvm.cloud.tencent'], after: ['cvm.cloud.tencent', 'cbs.cloud.tencent'] },
      { change: 'moved', node: 'target', id: 'wecom', type: 'flow', from: { scope: 'targets', index: 0 }, to: { scope: 'targets', index: 1 } },
      { change: 'changed', node: 'target', id: 'wecom', type: 'flow', pointer: '/config/flow', before: 'alarm-to-wecom', after: 'alarm-to-feishu' },
      { change: 'added', node: 'target', id: 'push', type: 'webhook', after: { id: 'push', type: 'webhook' }, to: { scope: 'targets', index: 2 } },
    ]);
  });
});

describe('the text forms', () => {
  it('renders a diff with step ids, pointers and expressions as expressions', () => {
    const after = changed((flow) => {
      flow.steps[0]!.config!.value = { $expr: 'payload.data' };
      flow.steps.unshift(flow.steps.pop()!);
    });
    const changes = diffDocuments(base(), after, 'flow', { registry });
    expect(renderDiff([{ file: 'flows/a.flow.json', kind: 'flow', status: 'modified', changes }])).toBe(
      'flows/a.flow.json (flow, modified)\n' +
        '  > step done moved from steps #4 to steps #1\n' +
        '  ~ step body /config/value: expr(payload) → expr(payload.data)\n',
    );
  });

  it('renders a document as lines of ids and pointers, nested by scope, secrets hidden', () => {
    const text = renderDocument(base(), 'flow', { registry });
    expect(text).toContain('step guard (try)\n  step send (logger)\n    send /config/level = "INFO"\n');
    expect(text).toContain('  branch on-any\n    on-any /config/errorTypes = ["ANY"]\n    step log (logger)\n');
    expect(text).toContain('  sign /config/key = (secret)\n');
    expect(text).not.toContain('k-1');
    expect(text).not.toMatch(/[{}]\n/);
  });
});
