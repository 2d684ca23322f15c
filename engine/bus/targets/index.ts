/**
 * @module The built-in target types.
 */
import type { TargetTypeDefinition } from '../types.js';
import { flowTarget } from './flow.js';
import { logStoreTarget } from './log-store.js';
import { webhookTarget } from './webhook.js';

export { flowTarget, flowInput, type FlowTargetConfig } from './flow.js';
export { logStoreTarget } from './log-store.js';
export { webhookTarget, webhookBody, SIGNATURE_HEADER, type WebhookTargetConfig } from './webhook.js';
export { createTargetRegistry, type TargetRegistry } from './registry.js';
export { targetTypeManifest, type TargetTypeManifest, type TemplateField } from './manifest.js';

/** `flow`, `webhook` and `log-store`; connectors add theirs with `createEventBus({ targetTypes })`. */
export const builtinTargetTypes: readonly TargetTypeDefinition[] = [
  flowTarget,
  webhookTarget,
  logStoreTarget,
];
