/**
 * @module Test fixtures of the editor's unit tests: the registry's manifest as the server sends it, and the
 * story-1 flow.
 */
import { createAppRegistry } from '../../../app/registry.js';
import { stepManifest } from '../../../engine/server/api/steps.js';
import type { StepManifest } from '../api/types.js';
import { createCatalog, type StepCatalog } from '../model/catalog.js';
import type { DraftFlow } from '../model/draft.js';

/** Every step type of the app, as `GET /api/steps` lists them. */
export function manifests(): StepManifest[] {
  return createAppRegistry().list().map(stepManifest) as StepManifest[];
}

export function testCatalog(): StepCatalog {
  return createCatalog(manifests());
}

/** Story 1: event trigger, Set Variable, and a Try whose Catch logs. */
export function storyFlow(): DraftFlow {
  return {
    format: 'flowbus/flow@1',
    name: 'Cloud alarm to the WeCom group',
    trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
    steps: [
      { id: 'body', type: 'set-variable', config: { name: 'body', value: { $expr: 'payload.subject' } } },
      {
        id: 'send-guard',
        type: 'try',
        steps: [{ id: 'send', type: 'wecom-robot', config: { connection: 'ops', content: { $expr: 'vars.body' } } }],
        catch: [
          {
            id: 'on-any-error',
            config: { errorTypes: ['ANY'] },
            steps: [{ id: 'log-error', type: 'logger', config: { level: 'ERROR' } }],
          },
        ],
      },
    ],
  };
}
