/**
 * @module One config field: its label (required mark, description), a literal input or, behind the f(x)
 * switch, the expression editor, and the validation issues that point at it.
 */
import { useId, useRef } from 'react';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import { isExpressionValue } from '../../../engine/expressions/value.js';
import type { ExpressionValue } from '../../../engine/flow/document.js';
import type { ValidationIssue } from '../api/types.js';
import { isWarning } from '../model/issues.js';
import { Markdownish } from '../ui/Markdownish.js';
import { ExpressionEditor } from './ExpressionEditor.js';
import { acceptsExpression, fieldKind, fieldTitle, isKeyValue, isNestedObject, isObjectList } from './field-kind.js';
import { KeyValueField } from './KeyValueField.js';
import { useFormContext } from './form-context.js';
import { LiteralInput } from './LiteralInput.js';
import { NestedObjectField, ObjectListField } from './NestedFields.js';
import { useTranslation } from '../i18n/i18n.js';

export interface SchemaFieldProps {
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  /** `undefined` removes the field. */
  onChange: (value: unknown) => void;
  issues?: ValidationIssue[];
  /** The field's JSON pointer in the document, for nested forms (see `SchemaForm`'s `pointer`). */
  pointer?: string;
}

/** The expression a literal becomes when the f(x) switch is turned on: the same value, written in JSONata. */
export function literalToExpression(value: unknown): ExpressionValue {
  if (value === undefined || value === '') return { $expr: '' };
  return { $expr: JSON.stringify(value) };
}

export function SchemaField({ name, schema, required, value, onChange, issues = [], pointer }: SchemaFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { nested, literal } = useFormContext();
  const lastLiteral = useRef<unknown>(isExpressionValue(value) ? undefined : value);
  const title = fieldTitle(name, schema);
  const expression = isExpressionValue(value);
  const canSwitch = (!literal && acceptsExpression(schema)) || expression;
  if (nested && pointer !== undefined && !expression) {
    const props = { name, schema, value, onChange, pointer, issues };
    if (isKeyValue(schema, value)) return <KeyValueField {...props} />;
    if (isObjectList(schema, value)) return <ObjectListField {...props} />;
    if (isNestedObject(schema, value)) return <NestedObjectField {...props} />;
  }
  const helpId = schema.description ? `${id}-help` : undefined;
  const issueIds = issues.map((_, index) => `${id}-issue-${index}`);
  const describedBy = [helpId, ...issueIds].filter(Boolean).join(' ') || undefined;
  const toggle = () => {
    if (expression) onChange(lastLiteral.current);
    else {
      lastLiteral.current = value;
      onChange(literalToExpression(value));
    }
  };
  return (
    <div className={`field${issues.some((issue) => !isWarning(issue)) ? ' field-invalid' : ''}`} data-field={name}>
      <div className="field-head">
        <label htmlFor={id}>{title}</label>
        {required ? (
          <span className="required-mark" title={t('fields.required')}>
            *
          </span>
        ) : null}
        {canSwitch ? (
          <button
            type="button"
            className={`fx-toggle${expression ? ' fx-on' : ''}`}
            aria-pressed={expression}
            aria-label={t('fields.expressionFor', { title })}
            title={expression ? t('fields.toLiteral') : t('fields.toExpression')}
            onClick={toggle}
          >
            f(x)
          </button>
        ) : null}
      </div>
      {expression ? (
        <ExpressionEditor id={id} title={title} value={value} onChange={onChange} describedBy={describedBy} />
      ) : (
        <LiteralInput
          id={id}
          kind={fieldKind(schema, value)}
          schema={schema}
          title={title}
          value={value}
          required={required}
          onChange={onChange}
          describedBy={describedBy}
        />
      )}
      {schema.description ? <Markdownish id={helpId} className="field-help" text={schema.description} /> : null}
      {issues.map((issue, index) => (
        <p key={index} id={issueIds[index]} className={isWarning(issue) ? 'field-warning' : 'field-error'} data-issue-code={issue.code}>
          {issue.message}
        </p>
      ))}
    </div>
  );
}
