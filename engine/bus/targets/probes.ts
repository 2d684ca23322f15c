/**
 * @module Asking a target's system whether a rule's target config can work (a queue target: its exchange or
 * stream exists), when the rule is loaded: in the background, so start-up never waits for a broker. A refusal
 * is reported against the rule file at the config field, with the broker's reason, until the rule changes; a
 * system that cannot be reached is reported in health and asked again with backoff, as sources reconnect.
 */
import type { HealthState } from '../../core/health.js';
import type { ValidationIssue } from '../../core/issues.js';
import type { ConnectionResolver } from '../../core/step-definition.js';
import type { GaugeSample } from '../../metrics/bus-metrics.js';
import type { BusLog } from '../delivery/deps.js';
import type { CompiledRule } from '../files/compiled-rule.js';
import { DEFAULT_RECONNECT, pause, reconnectDelay, type ReconnectPolicy } from '../sources/reconnect.js';
import type { TargetTypeDefinition } from '../types.js';

export interface TargetProbeOptions {
  connections?: ConnectionResolver;
  health?: HealthState;
  log: BusLog;
  policy?: ReconnectPolicy;
}

interface Probe {
  /** JSON pointer of the config in the rule file: `/targets/1/config`. */
  at: string;
  label: string;
  definition: TargetTypeDefinition;
  config: Record<string, unknown>;
}

interface Watch {
  key: string;
  controller: AbortController;
  issues: Map<string, ValidationIssue[]>;
}

/** The probed configs of a rule: each target's, and each dead-letter queue's. */
function probesOf(rule: CompiledRule): Probe[] {
  const probes: Probe[] = [];
  rule.targets.forEach((target, index) => {
    const at = `/targets/${index}`;
    if (target.definition.probe) {
      probes.push({ at: `${at}/config`, label: target.id, definition: target.definition, config: target.config });
    }
    const queue = target.deadLetterQueue;
    if (!queue?.definition.probe) return;
    // A rule-wide dead-letter queue is reported once, at the rule's own field.
    const own = rule.document.targets[index]?.deadLetterQueue !== undefined;
    const where = own ? `${at}/deadLetterQueue/config` : '/deadLetterQueue/config';
    if (!own && probes.some((probe) => probe.at === where)) return;
    probes.push({ at: where, label: `${target.id} dead letters`, definition: queue.definition, config: queue.config });
  });
  return probes;
}

/** Probes the targets of the loaded rules; one background loop per probed config. */
export class TargetProbes {
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly options: TargetProbeOptions) {}

  /**
   * Probes a rule's targets again when they changed (a new or edited rule), or stops probing a rule that is
   * gone or invalid (`undefined`).
   */
  ruleChanged(id: string, rule: CompiledRule | undefined): void {
    const probes = rule ? probesOf(rule) : [];
    const key = JSON.stringify(probes.map(({ at, definition, config }) => [at, definition.type, config]));
    const known = this.watches.get(id);
    if (known && known.key === key) return;
    if (known) this.stop(id, known);
    if (!rule || probes.length === 0) return;
    const watch: Watch = { key, controller: new AbortController(), issues: new Map() };
    this.watches.set(id, watch);
    for (const probe of probes) void this.run(rule, probe, watch);
  }

  /** What the probes found wrong with a rule, as issues of its file. */
  issuesOf(id: string): ValidationIssue[] {
    return [...(this.watches.get(id)?.issues.values() ?? [])].flat();
  }

  /** One series per probed config for `flowbus_target_probe_ok`: 1 once its system answered with no problem. */
  states(): GaugeSample[] {
    const samples: GaugeSample[] = [];
    for (const [rule, watch] of this.watches) {
      for (const [config, issues] of watch.issues) {
        samples.push({ labels: { rule, config }, value: issues.length === 0 ? 1 : 0 });
      }
    }
    return samples;
  }

  close(): void {
    for (const [id, watch] of this.watches) this.stop(id, watch);
  }

  private stop(id: string, watch: Watch): void {
    watch.controller.abort();
    this.watches.delete(id);
    for (const at of watch.issues.keys()) this.options.health?.clear(component(id, at));
  }

  private async run(rule: CompiledRule, probe: Probe, watch: Watch): Promise<void> {
    const { signal } = watch.controller;
    const { health, log, connections } = this.options;
    const name = component(rule.id, probe.at);
    const file = rule.file;
    const report = (issues: ValidationIssue[]) => {
      if (signal.aborted) return;
      watch.issues.set(probe.at, issues);
      const [first] = issues;
      if (!first) return health?.clear(name);
      const message = `rule "${rule.id}" target "${probe.label}": ${first.message}`;
      health?.degrade(name, message, { file, pointer: first.pointer });
    };
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const problems = await probe.definition.probe!(probe.config, { connections, signal });
        const issue = ({ pointer, message }: { pointer: string; message: string }) => ({
          ...(file ? { file } : {}),
          pointer: `${probe.at}${pointer}`,
          code: 'broker-refused',
          message,
        });
        return report(problems.map(issue));
      } catch (error) {
        if (signal.aborted) return;
        attempt += 1;
        const reason = (error as Error).message;
        report([{ ...(file ? { file } : {}), pointer: probe.at, code: 'broker-unavailable', message: reason }]);
        const delay = reconnectDelay(attempt, this.options.policy ?? DEFAULT_RECONNECT);
        const message = `rule "${rule.id}" target "${probe.label}": ${reason}; asking again in ${delay} ms`;
        log('warn', message, { rule: rule.id });
        await pause(delay, signal);
      }
    }
  }
}

function component(ruleId: string, at: string): string {
  return `rule:${ruleId}${at}`;
}
