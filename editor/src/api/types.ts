/**
 * @module The shapes the management API answers with, named from the engine's own types.
 */
import type { ConnectionTypeDefinition } from '../../../engine/core/connection-type.js';
import type { ValidationIssue } from '../../../engine/core/issues.js';
import type { StepDefinition } from '../../../engine/core/step-definition.js';
import type { FlowSummary } from '../../../engine/server/flows/flow-state.js';
import type { ExecutionSummary, StoredExecution } from '../../../engine/store/types.js';
import type { DryRunReply } from '../../../engine/server/api/dry-run-reply.js';

export type { ConnectionTypeDefinition, DryRunReply, ExecutionSummary, FlowSummary, StoredExecution, ValidationIssue };

/** A test run's record; an HTTP flow's carries the reply its trigger would send. */
export type DryRunExecution = StoredExecution & { reply?: DryRunReply };
export type { FlowStatus } from '../../../engine/server/flows/flow-state.js';

/** A step type as `GET /api/steps` gives it: the registry's definition without `execute`. */
export type StepManifest = Required<
  Pick<
    StepDefinition,
    'type' | 'title' | 'category' | 'kind' | 'description' | 'config' | 'scopes' | 'errors' | 'sideEffects' | 'lazyFields'
  >
> &
  /** Title and description in other languages, and search synonyms (absent from servers older than the fields). */
  Pick<StepDefinition, 'i18n' | 'keywords'>;

/** One flow in full (`GET /api/flows/:id`): its summary, every problem and the document as the file holds it. */
export interface FlowDetail extends FlowSummary {
  issues: ValidationIssue[];
  /** The parsed file; null when the file is not JSON. */
  document: unknown;
}

/** A connection config as listed (no secrets). */
export interface ConnectionSummary {
  name: string;
  type: string;
  description?: string;
}

/** A test event offered by the run panel: a CloudEvent in structured form. */
export interface EventTemplate {
  id: string;
  title: string;
  event: Record<string, unknown>;
}
