/**
 * @module Generates the rule target reference (docs/targets.md) from the target types: every section comes
 * from a type's own definition, as the step reference does from the step registry.
 */
import type { TargetTypeDefinition } from '../bus/types.js';
import { fieldTable } from './step-docs.js';

function targetSection(definition: TargetTypeDefinition): string[] {
  const lines = [`## ${definition.title} (\`${definition.type}\`)`, '', definition.description.trim(), ''];
  const notes = [
    definition.batching ? 'Takes batch delivery (`batch`).' : 'Delivers one event a call.',
    definition.probe ? 'When a rule is loaded, its broker is asked whether the config can work.' : '',
  ].filter(Boolean);
  lines.push(`*${notes.join(' ')}*`, '');
  const retry = definition.defaultRetry;
  if (retry && Object.keys(retry).length > 0) {
    const shown = Object.entries(retry).map(([key, value]) => `\`${key}\` ${value}`).join(', ');
    lines.push(`Default retry: ${shown}.`, '');
  }
  lines.push(...fieldTable('Config', definition.config, { nested: true }));
  return lines;
}

/**
 * The whole markdown reference of the given target types.
 *
 * @example
 * await writeFile('docs/targets.md', generateTargetDocs([...builtinTargetTypes, ...connectorTargetTypes]));
 */
export function generateTargetDocs(definitions: readonly TargetTypeDefinition[]): string {
  const lines = [
    '# Rule target reference',
    '',
    '<!-- Generated from the target types by `npm run generate`; edit the target definitions, not this file. -->',
    '',
    'A rule target\'s `config` is data: no field takes an expression. Fields with template holes are filled per',
    'event. Every config is checked against its schema and by its type when the rule is loaded, saved and',
    'validated (`flowbus validate`); `GET /api/target-types` serves the same schemas.',
    '',
  ];
  for (const definition of definitions) lines.push(...targetSection(definition));
  return `${lines.join('\n').trimEnd()}\n`;
}
