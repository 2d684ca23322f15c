/**
 * @module What the API says of a target type (`GET /api/target-types`): everything but `deliver`, with the
 * config fields that hold secrets and those that take template holes, by JSON pointer.
 */
import type { JsonSchema } from '../../core/json-schema.js';
import { joinPointer } from '../../core/issues.js';
import type { TargetTypeDefinition, TargetTypeTexts } from '../types.js';

/** A config field whose text has holes filled per event: `{{ jsonata }}` or `{attribute}`. */
export interface TemplateField {
  /** JSON pointer inside `config`; `*` stands for every item of an array. */
  pointer: string;
  /** `jsonata`: `{{ expression }}` holes; `event-attributes`: `{type}`, `{source}`, ... holes. */
  syntax: string;
}

export interface TargetTypeManifest {
  type: string;
  title: string;
  description: string;
  /** Title, description and field texts by language (`zh-CN`). */
  i18n: Record<string, TargetTypeTexts>;
  config: JsonSchema;
  batching: boolean;
  /** Pointers of the fields marked `x-secret` (redacted in traces and answers). */
  secrets: string[];
  /** The fields marked `x-template`: text evaluated per event. */
  expressions: TemplateField[];
  /** Whether rule load asks the target's system about the config (`probe`). */
  probed: boolean;
}

function walk(schema: JsonSchema | undefined, at: string, visit: (field: JsonSchema, at: string) => void): void {
  if (!schema || typeof schema !== 'object') return;
  visit(schema, at);
  for (const [name, field] of Object.entries(schema.properties ?? {})) walk(field, joinPointer(at, name), visit);
  if (schema.items) walk(schema.items, `${at}/*`, visit);
}

/**
 * The manifest of one target type.
 *
 * @example
 * targetTypeManifest(webhookTarget).secrets; // []
 */
export function targetTypeManifest(definition: TargetTypeDefinition): TargetTypeManifest {
  const secrets: string[] = [];
  const expressions: TemplateField[] = [];
  walk(definition.config, '', (field, at) => {
    if (field['x-secret'] === true) secrets.push(at);
    if (typeof field['x-template'] === 'string') expressions.push({ pointer: at, syntax: field['x-template'] });
  });
  return {
    type: definition.type,
    title: definition.title,
    description: definition.description,
    i18n: definition.i18n ?? {},
    config: definition.config,
    batching: definition.batching ?? false,
    secrets,
    expressions,
    probed: typeof definition.probe === 'function',
  };
}
