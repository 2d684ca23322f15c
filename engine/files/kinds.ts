/**
 * @module The one table of the project's file kinds — flow, flow test, rule, bus, source, environment: for each,
 * the name ending, the checker, the canonical writer, the generated JSON Schema and how the server's watcher
 * treats a change. `flowbus validate`, `flowbus fmt`, the flows watcher and the generated files all read it.
 */
import { basename } from 'node:path';
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import type { ValidationIssue } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import { formatBus, formatRule } from '../bus/files/canonical.js';
import { BUS_FILE_SUFFIX, RULE_FILE_SUFFIX } from '../bus/files/format.js';
import { parseBusText, parseRuleText } from '../bus/files/load.js';
import { generateBusSchema, generateRuleSchema } from '../bus/files/schema.js';
import { formatSource } from '../bus/sources/canonical.js';
import { SOURCE_FILE_SUFFIX } from '../bus/sources/format.js';
import type { SourceTypeDefinition } from '../bus/sources/types.js';
import { generateSourceSchema, parseSourceText } from '../bus/sources/validate.js';
import type { TargetRegistry } from '../bus/targets/registry.js';
import type { TargetTypeDefinition } from '../bus/types.js';
import { formatEnvironment } from '../environments/canonical.js';
import { ENVIRONMENT_FILE_ENDING } from '../environments/format.js';
import { validateEnvironment } from '../environments/validate.js';
import { formatFlow } from '../flow/canonical.js';
import { FLOW_FILE_ENDING, parseFlowText } from '../flow/load.js';
import { generateFlowSchema } from '../flow/schema.js';
import { findFlowWarnings } from '../flow/warnings.js';
import { formatFlowTests } from '../flow-tests/canonical.js';
import { FLOW_TEST_FORMAT, flowTestSchema } from '../flow-tests/format.js';
import { parseFlowTestText } from '../flow-tests/run.js';
import { findFiles, parseJsonText } from '../json/files.js';

/** What checking a file may look at besides its text: the types, and the other files found with it. */
export interface FileCheckContext {
  registry: Registry;
  targets: TargetRegistry;
  sourceTypes: readonly SourceTypeDefinition[];
  connectionTypes: ReadonlyMap<string, ConnectionTypeDefinition>;
  /** The ids of the flow files found: a flow reference to any other is an issue. */
  knownFlows: ReadonlySet<string>;
  /** `default` and the ids of the bus files found: a rule or source on any other bus is an issue. */
  buses: ReadonlySet<string>;
}

/** What checking a file's text gives. */
export interface FileCheck {
  /** The parsed JSON whenever the text is JSON. */
  json?: unknown;
  /** Every problem. */
  issues: ValidationIssue[];
  /** What is worth a look but never makes the file invalid (a flow's warnings). */
  warnings?: ValidationIssue[];
}

/** What the generated schemas are made from. */
export interface SchemaContext {
  registry: Registry;
  targetTypes: readonly TargetTypeDefinition[];
  sourceTypes: readonly SourceTypeDefinition[];
}

/**
 * How the server's watcher treats a change of the file: `flow` reloads it in the flow catalog, `bus` in the bus
 * and its sources; `none` needs no reload (read at start, or on each request).
 */
export type WatchTreatment = 'flow' | 'bus' | 'none';

/** One kind of file. */
export interface FileKind {
  /** What the file is, in messages: `flow`, `flow test`, `rule`, `bus`, `source`, `environment`. */
  name: string;
  /** How its file name ends. */
  suffix: string;
  check(text: string, file: string, context: FileCheckContext): FileCheck;
  /** The canonical text of a document of this kind (any JSON value: an invalid file is formatted too). */
  format(document: unknown, registry: Registry): string;
  /** The JSON Schema committed for IDEs, where the kind has one. */
  schema?: { path: string; generate(context: SchemaContext): unknown };
  watch: WatchTreatment;
}

export const flowKind: FileKind = {
  name: 'flow',
  suffix: FLOW_FILE_ENDING,
  check(text, file, { registry, knownFlows }) {
    const parsed = parseFlowText(text, file, registry, { knownFlows });
    const warnings = parsed.document ? findFlowWarnings(parsed.document, registry, { file }) : [];
    return { json: parsed.json, issues: parsed.issues, warnings };
  },
  format: (document, registry) => formatFlow(document, registry),
  schema: { path: 'schema/flow.schema.json', generate: ({ registry }) => generateFlowSchema(registry) },
  watch: 'flow',
};

export const flowTestKind: FileKind = {
  name: 'flow test',
  suffix: '.test.json',
  check: (text, file) => parseFlowTestText(text, file),
  format: (document) => formatFlowTests(document),
  schema: {
    path: 'schema/flow-test.schema.json',
    generate: () => ({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://flowbus.dev/schema/flow-test.schema.json',
      title: `flowbus flow test file (${FLOW_TEST_FORMAT})`,
      ...flowTestSchema,
    }),
  },
  watch: 'none',
};

export const ruleKind: FileKind = {
  name: 'rule',
  suffix: RULE_FILE_SUFFIX,
  check: (text, file, { targets, buses }) => parseRuleText(text, { id: basename(file, RULE_FILE_SUFFIX), file, targets, buses }),
  format: (document) => formatRule(document),
  schema: { path: 'schema/rule.schema.json', generate: ({ targetTypes }) => generateRuleSchema(targetTypes) },
  watch: 'bus',
};

export const busKind: FileKind = {
  name: 'bus',
  suffix: BUS_FILE_SUFFIX,
  check: (text, file) => parseBusText(text, file),
  format: (document) => formatBus(document),
  schema: { path: 'schema/bus.schema.json', generate: () => generateBusSchema() },
  watch: 'bus',
};

export const sourceKind: FileKind = {
  name: 'source',
  suffix: SOURCE_FILE_SUFFIX,
  check: (text, file, { sourceTypes, buses }) => parseSourceText(text, { file, types: sourceTypes, buses }),
  format: (document) => formatSource(document),
  schema: { path: 'schema/source.schema.json', generate: ({ sourceTypes }) => generateSourceSchema(sourceTypes) },
  watch: 'bus',
};

export const environmentKind: FileKind = {
  name: 'environment',
  suffix: ENVIRONMENT_FILE_ENDING,
  check(text, file, { connectionTypes }) {
    const parsed = parseJsonText(text, file);
    if (!parsed.ok) return { issues: [parsed.issue] };
    return { json: parsed.json, issues: validateEnvironment(parsed.json, { file, types: connectionTypes }) };
  },
  format: (document) => formatEnvironment(document),
  // Read when the server starts (`--env`): a change takes a restart.
  watch: 'none',
};

/** Every kind, in the order `flowbus validate` reports them. */
export const FILE_KINDS: readonly FileKind[] = [flowKind, flowTestKind, ruleKind, busKind, sourceKind, environmentKind];

/** The kind of a file, by how its name ends; undefined for any other file. */
export function fileKindOf(path: string): FileKind | undefined {
  return FILE_KINDS.find((kind) => path.endsWith(kind.suffix));
}

/** The files of `kinds` named by `paths` (files given, or found in folders; see `findFiles`), each with its kind. */
export async function findKindFiles(
  paths: string[],
  kinds: readonly FileKind[] = FILE_KINDS,
): Promise<Array<{ file: string; kind: FileKind }>> {
  const files = await findFiles(paths, kinds.map((kind) => kind.suffix));
  const found = files.map((file) => ({ file, kind: fileKindOf(file)! }));
  // In the table's order, then by path: validate reports flows first, environments last.
  return found.sort((a, b) => FILE_KINDS.indexOf(a.kind) - FILE_KINDS.indexOf(b.kind));
}
