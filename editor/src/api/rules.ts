/**
 * @module The bus's rule calls: list, read, validate, save (canonical file), delete, the pattern test and the
 * target types.
 */
import type { MatchFailure } from '../../../engine/bus/pattern/explain.js';
import type { TargetTypeManifest } from '../../../engine/bus/targets/manifest.js';
import { apiJson, apiRequest } from './client.js';
import type { ValidationIssue } from './types.js';

/** A rule as `GET /api/rules` lists it. */
export interface RuleSummary {
  id: string;
  file?: string;
  name?: string;
  bus: string;
  enabled: boolean;
  valid: boolean;
  /** A flow target names its flow. */
  targets: Array<{ id: string; type: string; flow?: string }>;
  issues: ValidationIssue[];
}

/** One rule with its document as the file holds it. */
export interface RuleDetail extends RuleSummary {
  rule: unknown;
}

/** The answer of the pattern test: whether it matched and, when not, each field that failed and why. */
export interface PatternTestResult {
  match: boolean;
  reason?: string;
  failures: MatchFailure[];
}

export async function listRules(signal?: AbortSignal): Promise<RuleSummary[]> {
  return (await apiJson<{ rules: RuleSummary[] }>('/rules', { signal })).rules;
}

export async function getRule(id: string, signal?: AbortSignal): Promise<RuleDetail> {
  return apiJson<RuleDetail>(`/rules/${encodeURIComponent(id)}`, { signal });
}

/** Writes the rule file in canonical form; fails with `VALIDATION` and every issue when it has problems. */
export async function saveRule(id: string, document: unknown): Promise<RuleDetail> {
  return (await apiRequest<RuleDetail>(`/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: document })).data;
}

export async function deleteRule(id: string): Promise<void> {
  await apiRequest(`/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function validateRule(id: string, document: unknown, signal?: AbortSignal): Promise<ValidationIssue[]> {
  const answer = await apiJson<{ valid: boolean; issues: ValidationIssue[] }>(`/rules/validate?id=${encodeURIComponent(id)}`, {
    method: 'POST',
    body: document,
    signal,
  });
  return answer.issues;
}

/** Tests a pattern against an event; a pattern the bus cannot read fails with `BUS:INVALID_PATTERN`. */
export async function testPattern(pattern: unknown, event: unknown): Promise<PatternTestResult> {
  return apiJson<PatternTestResult>('/patterns/test', { method: 'POST', body: { pattern, event } });
}

export async function listBuses(signal?: AbortSignal): Promise<Array<{ id: string; name: string }>> {
  return (await apiJson<{ buses: Array<{ id: string; name: string }> }>('/buses', { signal })).buses;
}

export type { TargetTypeManifest };

/** The target types with their config schemas (`GET /api/target-types`), from which target forms are built. */
export async function listTargetTypes(signal?: AbortSignal): Promise<TargetTypeManifest[]> {
  return (await apiJson<{ types: TargetTypeManifest[] }>('/target-types', { signal })).types;
}
