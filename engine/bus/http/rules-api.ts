/**
 * @module Buses and rules through the API: list, read, validate, save (canonical file) and delete.
 */
import express, { type Router } from 'express';
import { relative } from 'node:path';
import { FlowbusError } from '../../core/errors.js';
import type { ValidationIssue } from '../../core/issues.js';
import type { BusEntry, RuleEntry } from '../catalog/rule-catalog.js';
import type { CompiledTarget } from '../files/compiled-rule.js';
import { DEFAULT_BUS_ID } from '../files/format.js';
import { targetTypeManifest } from '../targets/manifest.js';
import type { EventBus } from '../event-bus.js';
import { handle } from './errors.js';

/**
 * Adds `GET /api/buses`, `GET /api/target-types[/:type]`, `GET|PUT|DELETE /api/rules[/:id]` and
 * `POST /api/rules/validate`.
 */
export function addRuleRoutes(router: Router, bus: EventBus, json: express.RequestHandler): void {
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

  const listBuses = handle((_request, response) => {
    response.json({ buses: bus.buses().map(busSummary) });
  });
  const listRules = handle((_request, response) => {
    response.json({ rules: bus.rules().map(summary) });
  });
  router.get('/api/buses', listBuses);
  router.get(
    '/api/target-types',
    handle((_request, response) => {
      response.json({ types: bus.targets.list().map(targetTypeManifest) });
    }),
  );
  router.get(
    '/api/target-types/:type',
    handle((request, response) => {
      const definition = bus.targets.get(String(request.params.type));
      if (!definition) throw new FlowbusError('BUS:TARGET_TYPE_NOT_FOUND', `no target type "${request.params.type}"`);
      response.json(targetTypeManifest(definition));
    }),
  );
  router.get('/api/rules', listRules);
  router.post(
    '/api/rules/validate',
    json,
    handle((request, response) => {
      const id = typeof request.query.id === 'string' ? request.query.id : 'rule';
      const issues = bus.checkRule(id, request.body);
      const shown = issues.map((issue) => ({ ...issue, file: fileOf(issue.file) }));
      response.json({ valid: issues.length === 0, issues: shown });
    }),
  );
  router.get(
    '/api/rules/:id',
    handle((request, response) => {
      const entry = bus.catalog.rules.get(String(request.params.id));
      if (!entry) throw new FlowbusError('BUS:RULE_NOT_FOUND', `no rule "${request.params.id}"`);
      response.json({ ...summary(entry), rule: entry.json });
    }),
  );
  router.put(
    '/api/rules/:id',
    json,
    handle(async (request, response) => {
      const { created, entry } = await bus.saveRule(String(request.params.id), request.body).catch((thrown: unknown) => {
        // The issues of a refused save name their file as the rest of the API does: inside the flows folder.
        if (!(thrown instanceof FlowbusError) || !Array.isArray(thrown.details?.issues)) throw thrown;
        const issues = thrown.details.issues as ValidationIssue[];
        const shown = issues.map((issue) => ({ ...issue, file: fileOf(issue.file) }));
        throw new FlowbusError(thrown.type, thrown.message, { ...thrown.details, issues: shown });
      });
      response.status(created ? 201 : 200).json({ ...summary(entry), rule: entry.json });
    }),
  );
  router.delete(
    '/api/rules/:id',
    handle(async (request, response) => {
      if (!(await bus.deleteRule(String(request.params.id)))) {
        throw new FlowbusError('BUS:RULE_NOT_FOUND', `no rule "${request.params.id}"`);
      }
      response.status(204).end();
    }),
  );
}

/** A target as the rule list shows it: a flow target names its flow, so the list can link to it. */
function targetSummary(target: CompiledTarget): { id: string; type: string; flow?: string } {
  const flow = target.type === 'flow' && typeof target.config.flow === 'string' ? { flow: target.config.flow } : {};
  return { id: target.id, type: target.type, ...flow };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
