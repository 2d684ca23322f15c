/**
 * @module A rule as the bus runs it: pattern parsed, transform compiled, target policies resolved.
 */
import type { Pattern } from '../pattern/index.js';
import type { TransformFunction } from '../transform/compile.js';
import type { BatchPolicy, DeadLetterPolicy, RetryPolicy, TargetTypeDefinition } from '../types.js';
import {
  DEFAULT_BATCH,
  DEFAULT_BUS_ID,
  DEFAULT_CONCURRENCY,
  DEFAULT_RETRY,
  type RuleDocument,
  type RuleTarget,
} from './format.js';

/** One target with its defaults filled in. */
export interface CompiledTarget {
  id: string;
  type: string;
  definition: TargetTypeDefinition;
  config: Record<string, unknown>;
  /** Present when the rule asks for batch delivery (and the type supports it). */
  batch?: BatchPolicy;
  retry: RetryPolicy;
  deadLetter: DeadLetterPolicy;
  /** Where dead letters are also sent, from the target or the rule. */
  deadLetterQueue?: { definition: TargetTypeDefinition; config: Record<string, unknown> };
  concurrency: number;
}

/** A valid rule, ready to match and deliver. */
export interface CompiledRule {
  id: string;
  file?: string;
  document: RuleDocument;
  bus: string;
  enabled: boolean;
  pattern: Pattern;
  transform?: TransformFunction;
  targets: CompiledTarget[];
}

/** Fills a target's policies from the rule, the type's defaults and the bus's defaults. */
export function compileTarget(
  target: RuleTarget,
  definition: TargetTypeDefinition,
  document: RuleDocument,
  lookup?: (type: string) => TargetTypeDefinition | undefined,
): CompiledTarget {
  const queue = target.deadLetterQueue ?? document.deadLetterQueue;
  const queueDefinition = queue && lookup?.(queue.type);
  return {
    ...(queueDefinition ? { deadLetterQueue: { definition: queueDefinition, config: queue.config ?? {} } } : {}),
    id: target.id,
    type: target.type,
    definition,
    config: target.config ?? {},
    ...(target.batch ? { batch: { ...DEFAULT_BATCH, ...target.batch } } : {}),
    retry: { ...DEFAULT_RETRY, ...definition.defaultRetry, ...target.retry },
    deadLetter: target.deadLetter ?? document.deadLetter ?? 'DLQ',
    concurrency: target.concurrency ?? DEFAULT_CONCURRENCY,
  };
}

/** The bus a rule document names. */
export function ruleBus(document: Pick<RuleDocument, 'bus'>): string {
  return document.bus ?? DEFAULT_BUS_ID;
}
