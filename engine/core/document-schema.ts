/**
 * @module The frame of the JSON Schema of a file the engine reads (a flow, a rule, a bus): the draft, its
 * id and texts, and the fields every such file has (`$schema`, `format`, `name`, `description`).
 */

/** A generated schema: JSON Schema plus the editor keywords (`markdownDescription`, `enumDescriptions`). */
export type SchemaObject = Record<string, unknown>;

export interface DocumentSchemaHead {
  $id: string;
  /** What the file is, as its field texts name it: `rule` gives "The display name of the rule." */
  kind: string;
  /** The value of the file's `format` field. */
  format: string;
  title: string;
  description: string;
  required: string[];
  /** The longest `name` and `description` allowed; no limit when not given. */
  maxLength?: number;
}

/**
 * The schema of a file of one kind: `properties` after the common fields, nothing else allowed, then
 * `rest` (`$defs`, say).
 *
 * @example
 * const schema = documentSchema({ $id, kind: 'bus', format: BUS_FORMAT, title, description, required: ['format', 'name'] }, {});
 */
export function documentSchema(head: DocumentSchemaHead, properties: SchemaObject, rest: SchemaObject = {}): SchemaObject {
  const { $id, kind, format, title, description, required, maxLength } = head;
  const limit = maxLength === undefined ? {} : { maxLength };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id,
    title,
    description,
    type: 'object',
    required,
    properties: {
      $schema: { type: 'string', description: 'The path or URL of this schema, for editors.' },
      format: { const: format, description: `The ${kind} file format: "${format}".` },
      name: { type: 'string', pattern: '\\S', ...limit, description: `The display name of the ${kind}.` },
      description: { type: 'string', ...limit, description: `What the ${kind} is for.` },
      ...properties,
    },
    additionalProperties: false,
    ...rest,
  };
}
