/**
 * @module `/api/buses` and `/api/rules`: buses and rules through the API — list, read, validate, save
 * (canonical file, applied at once) and delete.
 */
import { Router } from 'express';
import { relative } from 'node:path';
import { FlowbusError } from '../../core/errors.js';
import type { ValidationIssue } from '../../core/issues.js';
import type { BusEntry, RuleEntry } from '../../bus/catalog/rule-catalog.js';
import type { CompiledTarget } from '../../bus/files/compiled-rule.js';
import { DEFAULT_BUS_ID } from '../../bus/files/format.js';
import type { EventBus } from '../../bus/event-bus.js';

/** `GET /buses`, `GET|PUT|DELETE /rules[/:id]` and `POST /rules/validate`, under `/api`. */
export function rulesRouter(bus: EventBus): Router {
  const router = Router();
  const fileOf = (file: string | undefined) => {
    const folder = bus.catalog.flowsDir;
    return file === undefined ? undefined : folder ? relative(folder, file).split('\\').join('/') : file;
  };
  const summary = (entry: RuleEntry) => {
    const document = entry.rule?.document ?? (isObject(entry.json) ? entry.json : {});
    return {
      id: entry.id,
      file: fileOf(entry.file),
      name: document.name,
      bus: entry.rule?.bus ?? document.bus ?? DEFAULT_BUS_ID,
      enabled: entry.rule?.enabled ?? document.enabled ?? true,
      valid: entry.issues.length === 0,
      targets: entry.rule?.targets.map(targetSummary) ?? [],
      issues: [...entry.issues, ...bus.targetProblems(entry.id)].map((issue) => ({ ...issue, file: fileOf(issue.file) })),
    };
  };
  const busSummary = (entry: BusEntry) => ({
    id: entry.id,
    name: entry.document?.name ?? (entry.id === DEFAULT_BUS_ID ? 'Default bus' : entry.id),
    description: entry.document?.description,
    builtin: entry.id === DEFAULT_BUS_ID,
    storeEvents: entry.document?.storeEvents ?? false,
    file: fileOf(entry.file),
    rules: bus.rules().filter((rule) => rule.rule?.bus === entry.id).length,
    issues: entry.issues.map((issue) => ({ ...issue, file: fileOf(issue.file) })),
  });

  router.get('/buses', (_request, response) => {
    response.json({ buses: bus.buses().map(busSummary) });
  });
  router.get('/rules', (_request, response) => {
    response.json({ rules: bus.rules().map(summary) });
  });
  router.post('/rules/validate', (request, response) => {
    const id = typeof request.query.id === 'string' ? request.query.id : 'rule';
    const issues = bus.checkRule(id, request.body);
    const shown = issues.map((issue) => ({ ...issue, file: fileOf(issue.file) }));
    response.json({ valid: issues.length === 0, issues: shown });
  });
  router.get('/rules/:id', (request, response) => {
    const entry = bus.catalog.rules.get(request.params.id);
    if (!entry) throw new FlowbusError('BUS:RULE_NOT_FOUND', `no rule "${request.params.id}"`);
    response.json({ ...summary(entry), rule: entry.json });
  });
  router.put('/rules/:id', async (request, response) => {
    const { created, entry } = await bus.saveRule(request.params.id, request.body).catch((thrown: unknown) => {
      // The issues of a refused save name their file as the rest of the API does: inside the flows folder.
      if (!(thrown instanceof FlowbusError) || !Array.isArray(thrown.details?.issues)) throw thrown;
      const issues = thrown.details.issues as ValidationIssue[];
      const shown = issues.map((issue) => ({ ...issue, file: fileOf(issue.file) }));
      throw new FlowbusError(thrown.type, thrown.message, { ...thrown.details, issues: shown });
    });
    response.status(created ? 201 : 200).json({ ...summary(entry), rule: entry.json });
  });
  router.delete('/rules/:id', async (request, response) => {
    if (!(await bus.deleteRule(request.params.id))) {
      throw new FlowbusError('BUS:RULE_NOT_FOUND', `no rule "${request.params.id}"`);
    }
    response.status(204).end();
  });
  return router;
}

/** A target as the rule list shows it: a flow target names its flow, so the list can link to it. */
function targetSummary(target: CompiledTarget): { id: string; type: string; flow?: string } {
  const flow = target.type === 'flow' && typeof target.config.flow === 'string' ? { flow: target.config.flow } : {};
  return { id: target.id, type: target.type, ...flow };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
