/**
 * @module For component tests: a property form whose changes are applied as the editor applies them,
 * with the latest config exposed to the test.
 */
import { render } from '@testing-library/react';
import { useState } from 'react';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import type { ValidationIssue } from '../api/types.js';
import { withField } from '../model/with-field.js';
import { FormContext, type FormContextValue } from '../properties/form-context.js';
import { issuesBelow } from '../properties/NestedFields.js';
import { SchemaForm } from '../properties/SchemaForm.js';

export interface RenderSchemaFormOptions {
  /** The form's JSON pointer in the document; the issues are sorted under it. */
  pointer?: string;
  issues?: ValidationIssue[] | Map<string, ValidationIssue[]>;
  context?: FormContextValue;
}

/**
 * Renders `schema`'s form holding `initial`; `seen.config` is the config after the latest change.
 *
 * @example
 * const seen = renderSchemaForm(loggerStep.config, { level: 'INFO' });
 */
export function renderSchemaForm<Config extends Record<string, unknown> | undefined>(
  schema: JsonSchema,
  initial: Config,
  { pointer, issues, context = {} }: RenderSchemaFormOptions = {},
) {
  const seen: { config: Record<string, unknown> | Config } = { config: initial };
  const byField = Array.isArray(issues) ? issuesBelow(issues, pointer ?? '') : issues;
  function Harness() {
    const [config, setConfig] = useState<Record<string, unknown> | Config>(initial);
    return (
      <SchemaForm
        schema={schema}
        value={config}
        pointer={pointer}
        issues={byField}
        onFieldChange={(field, value) => {
          const next = withField(config ?? {}, field, value);
          seen.config = next;
          setConfig(next);
        }}
      />
    );
  }
  render(
    <FormContext.Provider value={context}>
      <Harness />
    </FormContext.Provider>,
  );
  return seen;
}
