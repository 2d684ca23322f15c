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

function fieldTable(title: string, schema: JsonSchema): string[] {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return [];
  const required = new Set(schema.required ?? []);
  const lines = [`| ${title} field | Type | Default | Description |`, '| --- | --- | --- | --- |'];
  for (const [name, property] of properties) {
    const marks = [
      required.has(name) ? 'required' : '',
      property['x-expression'] === false ? 'literal only' : '',
      property['x-secret'] ? 'secret' : '',
      property['x-connection'] ? `connection of type \`${property['x-connection']}\`` : '',
    ].filter(Boolean);
    const description = `${property.title ? `**${property.title}.** ` : ''}${property.description ?? ''}${marks.length ? ` *(${marks.join(', ')})*` : ''}`;
    const fallback = property.default === undefined ? '' : `\`${JSON.stringify(property.default)}\``;
    lines.push(`| \`${name}\` | ${typeName(property)} | ${cell(fallback)} | ${cell(description)} |`);
  }
  lines.push('');
  return lines;
}

function typeName(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (Array.isArray(schema.type)) return schema.type.join(' \\| ');
  if (schema.type === 'array' && schema.items?.type) return `${typeName(schema.items)}[]`;
  return schema.type ?? 'any';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}
