/**
 * @module The English texts of the editor's side panels: step, branch and flow properties, ids, the schema
 * form's own chrome, the expression editor and connections.
 */
export const panelsEn = {
  ids: {
    required: 'an id is required',
    tooLong: 'at most {{max}} characters',
    notASlug: 'lowercase letters, digits and "-", starting with a letter or digit',
    notAFileId: 'letters, digits, "_", "." and "-", starting with a letter or digit',
    taken: {
      step: '"{{id}}" is already used in this flow',
      flow: 'a flow "{{id}}" exists already',
      rule: 'a rule "{{id}}" exists already',
      source: 'a source "{{id}}" exists already',
    },
    help: 'Unique in the flow; traces, logs and errors name the step by it.',
  },
  fields: {
    required: 'required',
  },
} as const;
