import { describe, expect, it } from 'vitest';
import { createTestRegistry } from '../flow/test-registry.js';
import { validateFlow } from '../flow/validate.js';
import { validateRule } from '../bus/files/validate.js';
import { builtinTargetTypes, createTargetRegistry } from '../bus/index.js';
import { mergeDocuments } from './merge.js';

const registry = createTestRegistry();

interface Step {
  id: string;
  type: string;
  config?: Record<string, unknown>;
  steps?: Step[];
  catch?: Array<{ id: string; config: Record<string, unknown>; steps: Step[] }>;
}
interface Flow {
  format: string;
  name: string;
  trigger: Step;
  steps: Step[];
}

const base = (): Flow => ({
  format: 'flowbus/flow@1',
  name: 'Alarm',
  trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
  steps: [
    { id: 'body', type: 'set-variable', config: { name: 'body', value: { $expr: 'payload' } } },
    { id: 'note', type: 'logger', config: { level: 'INFO', content: 'note' } },
    {
      id: 'guard',
      type: 'try',
      steps: [{ id: 'send', type: 'logger', config: { level: 'INFO', content: 'sent' } }],
      catch: [{ id: 'on-any', config: { errorTypes: ['ANY'] }, steps: [] }],
    },
    { id: 'done', type: 'logger', config: { level: 'INFO', content: 'done' } },
  ],
});
const edit = (change: (flow: Flow) => void) => {
  const flow = base();
  change(flow);
  return flow;
};
const ids = (steps: Array<{ id: string }>) => steps.map((step) => step.id);

describe('mergeDocuments: clean merges', () => {
  it('takes a move from one side and a config change of another step from the other', () => {
    const ours = edit((flow) => flow.steps[2]!.steps!.push(flow.steps.splice(1, 1)[0]!));
    const theirs = edit((flow) => (flow.steps[3]!.config!.content = 'finished'));
    const { document, conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts).toEqual([]);
    const steps = document.steps as Flow['steps'];
    expect(ids(steps)).toEqual(['body', 'guard', 'done']);
    expect(ids(steps[1]!.steps!)).toEqual(['send', 'note']);
    expect(steps[2]!.config!.content).toBe('finished');
    expect(validateFlow(document, registry)).toEqual([]);
  });

  it('merges different fields of one step', () => {
    const ours = edit((flow) => (flow.steps[1]!.config!.level = 'WARN'));
    const theirs = edit((flow) => (flow.steps[1]!.config!.content = 'other'));
    const { document, conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts).toEqual([]);
    expect((document.steps as Flow['steps'])[1]!.config).toEqual({ level: 'WARN', content: 'other' });
  });

  it('keeps steps both sides added, each after its predecessor', () => {
    const ours = edit((flow) => flow.steps.splice(1, 0, { id: 'a', type: 'logger', config: { level: 'INFO', content: 'a' } }));
    const theirs = edit((flow) => flow.steps.push({ id: 'b', type: 'logger', config: { level: 'INFO', content: 'b' } }));
    const { document, conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts).toEqual([]);
    expect(ids(document.steps as Flow['steps'])).toEqual(['body', 'a', 'note', 'guard', 'done', 'b']);
  });

  it('applies a deletion the other side did not touch, and the same change made on both sides once', () => {
    const ours = edit((flow) => {
      flow.steps.splice(3, 1);
      flow.name = 'Alarms';
    });
    const theirs = edit((flow) => (flow.name = 'Alarms'));
    const { document, conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts).toEqual([]);
    expect(document.name).toBe('Alarms');
    expect(ids(document.steps as Flow['steps'])).toEqual(['body', 'note', 'guard']);
  });
});

describe('mergeDocuments: conflicts', () => {
  it('marks the same field changed two ways on that step, and validate reports it there with both sides', () => {
    const ours = edit((flow) => (flow.steps[2]!.steps![0]!.config!.content = 'ours'));
    const theirs = edit((flow) => (flow.steps[2]!.steps![0]!.config!.content = 'theirs'));
    const { document, conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts).toEqual([{ key: 'send', pointer: '/config/content', reason: 'changed on both sides' }]);
    const issues = validateFlow(document, registry, { file: 'flows/a.flow.json' });
    expect(issues).toEqual([
      {
        file: 'flows/a.flow.json',
        pointer: '/steps/2/steps/0/config/content',
        stepId: 'send',
        code: 'merge-conflict',
        message: 'merge conflict: ours "ours", theirs "theirs" (base "sent"); edit the value and remove the "$conflict" marker',
      },
    ]);
  });

  it.each([
    ['deleted on ours, changed on theirs', (flow: Flow) => void flow.steps.splice(1, 1), (flow: Flow) => (flow.steps[1]!.config!.level = 'WARN')],
    ['deleted on theirs, changed on ours', (flow: Flow) => void (flow.steps[1]!.config!.level = 'WARN'), (flow: Flow) => void flow.steps.splice(1, 1)],
  ])('keeps a step %s, marked on the step', (reason, ours, theirs) => {
    const { document, conflicts } = mergeDocuments(base(), edit(ours), edit(theirs), 'flow', registry);
    expect(conflicts).toEqual([{ key: 'note', pointer: '', reason }]);
    const issues = validateFlow(document, registry);
    expect(issues).toEqual([expect.objectContaining({ pointer: '/steps/1', stepId: 'note', code: 'merge-conflict' })]);
    expect(issues[0]!.message).toContain(reason);
  });

  it('marks a step moved to two different scopes', () => {
    const ours = edit((flow) => flow.steps[2]!.steps!.push(flow.steps.splice(3, 1)[0]!));
    const theirs = edit((flow) => flow.steps[2]!.catch![0]!.steps.push(flow.steps.splice(3, 1)[0]!));
    const { conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts).toEqual([{ key: 'done', pointer: '', reason: 'moved to different places' }]);
  });

  it('keeps a scope one side deleted while the other added a step inside it', () => {
    const ours = edit((flow) => flow.steps.splice(2, 1));
    const theirs = edit((flow) => flow.steps[2]!.steps!.push({ id: 'more', type: 'logger', config: { level: 'INFO', content: 'm' } }));
    const { document, conflicts } = mergeDocuments(base(), ours, theirs, 'flow', registry);
    expect(conflicts.map((conflict) => conflict.key)).toEqual(['guard']);
    expect(ids((document.steps as Flow['steps'])[2]!.steps!)).toEqual(['send', 'more']);
  });
});

describe('mergeDocuments on rules', () => {
  const targets = createTargetRegistry(builtinTargetTypes);
  const rule = () => ({
    format: 'flowbus/rule@1',
    name: 'CVM',
    bus: 'default',
    enabled: true,
    pattern: { source: ['cvm.cloud.tencent'] },
    targets: [{ id: 'archive', type: 'log-store' }],
  });
  it('merges a pattern change with an added target, and flags a conflict on the pattern at its pointer', () => {
    const ours = { ...rule(), pattern: { source: ['cvm.cloud.tencent'], subject: ['ins-1'] } };
    const theirs = { ...rule(), targets: [...rule().targets, { id: 'hook', type: 'webhook', config: { url: 'http://127.0.0.1:9/x' } }] };
    const clean = mergeDocuments(rule(), ours, theirs, 'rule');
    expect(clean.conflicts).toEqual([]);
    expect(clean.document).toMatchObject({ pattern: { subject: ['ins-1'] }, targets: [{ id: 'archive' }, { id: 'hook' }] });
    expect(validateRule(clean.document, { id: 'cvm', targets }).issues).toEqual([]);

    const other = { ...rule(), pattern: { source: ['cvm.cloud.tencent'], subject: ['ins-2'] } };
    const conflicting = mergeDocuments(rule(), ours, other, 'rule');
    const issues = validateRule(conflicting.document, { id: 'cvm', file: 'flows/cvm.rule.json', targets }).issues;
    expect(issues).toEqual([expect.objectContaining({ file: 'flows/cvm.rule.json', pointer: '/pattern/subject', code: 'merge-conflict' })]);
    expect(issues[0]!.message).toContain('ours ["ins-1"], theirs ["ins-2"]');
  });
});
