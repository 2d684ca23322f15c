/**
 * @module The files generated from the registry and the file formats: JSON Schemas, the step reference and
 * the rule target reference.
 * `npm run generate` writes them; a test fails when a committed copy is out of date.
 */
import { builtinTargetTypes, generateBusSchema, generateRuleSchema } from '../engine/bus/index.js';
import { generateStepDocs } from '../engine/docs/step-docs.js';
import { generateTargetDocs } from '../engine/docs/target-docs.js';
import { stringifyJson } from '../engine/json/write.js';
import { generateFlowSchema } from '../engine/flow/schema.js';
import { flowTestSchema, FLOW_TEST_FORMAT } from '../engine/flow-tests/format.js';
import { generateSourceSchema, createUrlCallbackSource } from '../engine/bus/sources/index.js';
import { connectorSourceTypes, connectorTargetTypes } from '../connectors/index.js';
import { createAppRegistry } from './registry.js';

export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content(): string;
}

const registry = createAppRegistry();

export const generatedFiles: GeneratedFile[] = [
  { path: 'schema/flow.schema.json', content: () => stringifyJson(generateFlowSchema(registry)) },
  {
    path: 'schema/flow-test.schema.json',
    content: () =>
      stringifyJson({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://flowbus.dev/schema/flow-test.schema.json',
        title: `flowbus flow test file (${FLOW_TEST_FORMAT})`,
        ...flowTestSchema,
      }),
  },
  {
    path: 'schema/rule.schema.json',
    content: () => stringifyJson(generateRuleSchema([...builtinTargetTypes, ...connectorTargetTypes])),
  },
  { path: 'schema/bus.schema.json', content: () => stringifyJson(generateBusSchema()) },
  {
    path: 'schema/source.schema.json',
    content: () =>
      stringifyJson(generateSourceSchema([createUrlCallbackSource().definition, ...connectorSourceTypes])),
  },
  { path: 'docs/steps.md', content: () => generateStepDocs(registry) },
  { path: 'docs/targets.md', content: () => generateTargetDocs([...builtinTargetTypes, ...connectorTargetTypes]) },
];
