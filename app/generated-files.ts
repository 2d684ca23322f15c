/**
 * @module The files generated from the registry and the file kinds: JSON Schemas, the step reference and
 * the rule target reference.
 * `npm run generate` writes them; a test fails when a committed copy is out of date.
 */
import { builtinTargetTypes } from '../engine/bus/index.js';
import { createUrlCallbackSource } from '../engine/bus/sources/index.js';
import { generateStepDocs } from '../engine/docs/step-docs.js';
import { generateTargetDocs } from '../engine/docs/target-docs.js';
import { FILE_KINDS, type SchemaContext } from '../engine/files/kinds.js';
import { stringifyJson } from '../engine/json/write.js';
import { connectorSourceTypes, connectorTargetTypes } from '../connectors/index.js';
import { createAppRegistry } from './registry.js';

export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content(): string;
}

const schemaContext: SchemaContext = {
  registry: createAppRegistry(),
  targetTypes: [...builtinTargetTypes, ...connectorTargetTypes],
  sourceTypes: [createUrlCallbackSource().definition, ...connectorSourceTypes],
};

/** The JSON Schema of each file kind that has one (engine/files/kinds.ts), then the references. */
export const generatedFiles: GeneratedFile[] = [
  ...FILE_KINDS.flatMap(({ schema }) =>
    schema ? [{ path: schema.path, content: () => stringifyJson(schema.generate(schemaContext)) }] : [],
  ),
  { path: 'docs/steps.md', content: () => generateStepDocs(schemaContext.registry) },
  { path: 'docs/targets.md', content: () => generateTargetDocs(schemaContext.targetTypes) },
];
