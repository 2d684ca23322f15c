/**
 * @module `/api/steps`: the registry's manifest, which the editor builds its palette and forms from.
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { StepDefinition } from '../../core/step-definition.js';
import type { ApiContext } from './context.js';

/** What the editor needs of a step type: everything but `execute`. */
export function stepManifest(definition: StepDefinition) {
  return {
    type: definition.type,
    title: definition.title,
    category: definition.category,
    kind: definition.kind,
    description: definition.description,
    keywords: definition.keywords ?? [],
    i18n: definition.i18n ?? {},
    config: definition.config,
    scopes: definition.scopes ?? [],
    errors: definition.errors ?? [],
    sideEffects: definition.sideEffects ?? false,
    lazyFields: definition.lazyFields ?? [],
  };
}

export function stepsRouter(context: ApiContext): Router {
  const router = Router();
  router.get('/steps', (_request, response) => {
    response.json({ steps: context.registry.list().map(stepManifest) });
  });
  router.get('/steps/:type', (request, response) => {
    const definition = context.registry.get(request.params.type);
    if (!definition) {
      throw new FlowbusError('STEP:NOT_FOUND', `no step type "${request.params.type}"`);
    }
    response.json(stepManifest(definition));
  });
  return router;
}
