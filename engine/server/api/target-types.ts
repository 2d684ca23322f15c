/**
 * @module `/api/target-types`: the bus's target types with their config schemas, from which the rules page
 * builds its forms.
 */
import { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { EventBus } from '../../bus/event-bus.js';
import { targetTypeManifest } from '../../bus/targets/manifest.js';

/** `GET /target-types` and `GET /target-types/:type`, under `/api`. */
export function targetTypesRouter(bus: EventBus): Router {
  const router = Router();
  router.get('/target-types', (_request, response) => {
    response.json({ types: bus.targets.list().map(targetTypeManifest) });
  });
  router.get('/target-types/:type', (request, response) => {
    const definition = bus.targets.get(request.params.type);
    if (!definition) throw new FlowbusError('BUS:TARGET_TYPE_NOT_FOUND', `no target type "${request.params.type}"`);
    response.json(targetTypeManifest(definition));
  });
  return router;
}
