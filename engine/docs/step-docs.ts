/**
 * @module Generates the step reference (docs/steps.md) from the registry: every section comes from a step's
 * own definition, so the docs cannot drift from the code.
 */
import type { JsonSchema } from '../core/json-schema.js';
import type { Registry } from '../core/registry.js';
import type { StepCategory, StepDefinition } from '../core/step-definition.js';

const CATEGORY_TITLES: Record<StepCategory, string> = {
  trigger: 'Triggers',
  variables: 'Variables and payload',
  'flow-control': 'Flow control',
  errors: 'Errors',
  logging: 'Logging',
  http: 'HTTP',
  connector: 'Connectors',
};

/** The whole markdown reference of the step types in `registry`. */
export function generateStepDocs(registry: Registry): string {
  const lines = [
    '# Step reference',
    '',
    '<!-- Generated from the step registry by `npm run docs`; edit the step definitions, not this file. -->',
    '',
    'Every config field accepts a literal or an expression (`{"$expr": "..."}` or `{"$template": "..."}`) unless',
    'it is marked *literal only*. Fields marked *secret* are redacted in traces, logs and API answers.',
    '',
  ];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const steps = registry.list().filter((step) => step.category === category);
    if (steps.length === 0) continue;
    lines.push(`## ${title}`, '');
    for (const step of steps) lines.push(...stepSection(step));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function stepSection(step: StepDefinition): string[] {
  const lines = [`### ${step.title} (\`${step.type}\`)`, '', step.description.trim(), ''];
  if (step.sideEffects) lines.push('*Talks to the outside world: stubbed in dry runs and flow tests.*', '');
  lines.push(...fieldTable('Config', step.config));
  for (const scope of step.scopes ?? []) {
    const what = scope.kind === 'sequence' ? 'a list of steps' : `a list of ${scope.branchTitle} branches \`{id, config, steps}\``;
    lines.push(`**\`${scope.key}\`** — ${scope.title}: ${what}.${scope.description ? ` ${scope.description}` : ''}`, '');
    if (scope.kind === 'branches') lines.push(...fieldTable(`${scope.branchTitle} config`, scope.branchConfig));
  }
  if (step.errors && step.errors.length > 0) {
    lines.push('| Error type | When |', '| --- | --- |');
    for (const error of step.errors) lines.push(`| \`${error.type}\` | ${cell(error.description)} |`);
    lines.push('');
  }
  return lines;
}

const TEMPLATE_MARKS: Record<string, string> = {
  jsonata: '`{{ }}` JSONata holes',
  'event-attributes': '`{type}`-style event attribute holes',
};

/**
 * The markdown table of a config schema's fields. With `nested`, the fields of objects and of lists of
 * objects follow as rows of their own (`receivers[].email.to`), for configs that are data (rule targets).
 */
export function fieldTable(title: string, schema: JsonSchema, options: { nested?: boolean } = {}): string[] {
  const rows = fieldRows(schema, '', options.nested ?? false);
  if (rows.length === 0) return [];
  return [`| ${title} field | Type | Default | Description |`, '| --- | --- | --- | --- |', ...rows, ''];
}

function fieldRows(schema: JsonSchema, prefix: string, nested: boolean): string[] {
  const required = new Set(schema.required ?? []);
  const rows: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const marks = [
      required.has(name) ? 'required' : '',
      property['x-expression'] === false ? 'literal only' : '',
      property['x-secret'] ? 'secret' : '',
      property['x-connection'] ? `connection of type \`${property['x-connection']}\`` : '',
      typeof property['x-template'] === 'string' ? (TEMPLATE_MARKS[property['x-template']] ?? 'template') : '',
    ].filter(Boolean);
    const description = `${property.title ? `**${property.title}.** ` : ''}${property.description ?? ''}${marks.length ? ` *(${marks.join(', ')})*` : ''}`;
    const fallback = property.default === undefined ? '' : `\`${JSON.stringify(property.default)}\``;
    const path = `${prefix}${name}`;
    rows.push(`| \`${path}\` | ${typeName(property)} | ${cell(fallback)} | ${cell(description)} |`);
    if (!nested) continue;
    if (property.properties) rows.push(...fieldRows(property, `${path}.`, nested));
    else if (property.items?.properties) rows.push(...fieldRows(property.items, `${path}[].`, nested));
  }
  return rows;
}

function typeName(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.type === 'array' && schema.items?.type) return `${typeName(schema.items)}[]`;
  if (typeof schema.type === 'string') return schema.type;
  return schema.type?.join(' \\| ') ?? 'any';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}
