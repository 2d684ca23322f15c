/**
 * @module Config fields that are objects with declared fields, or lists of them, as forms of their own
 * (a message-push target's receivers, each with its channels' settings and its window): a collapsible group
 * per object, an item per list entry with add and remove, and each issue shown at the field it points at.
 */
import { useId, type ReactNode } from 'react';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import type { ValidationIssue } from '../api/types.js';
import { isWarning } from '../model/issues.js';
import { withField } from '../model/with-field.js';
import { fieldTitle } from './field-kind.js';
import { SchemaForm } from './SchemaForm.js';
import { useTranslation } from '../i18n/i18n.js';

/** Issues under `pointer`, by the next field name; the ones at `pointer` itself under `''`. */
export function issuesBelow(issues: readonly ValidationIssue[], pointer: string): Map<string, ValidationIssue[]> {
  const byField = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    if (issue.pointer !== pointer && !issue.pointer.startsWith(`${pointer}/`)) continue;
    const rest = issue.pointer.slice(pointer.length + 1);
    const field = issue.pointer === pointer ? '' : (rest.split('/')[0] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
    byField.set(field, [...(byField.get(field) ?? []), issue]);
  }
  return byField;
}

/** The issues at a field itself, one line each, a warning as a warning. */
export function IssueLines({ issues }: { issues: readonly ValidationIssue[] }) {
  return (
    <>
      {issues.map((issue, index) => (
        <p key={index} className={isWarning(issue) ? 'field-warning' : 'field-error'} data-issue-code={issue.code}>
          {issue.message}
        </p>
      ))}
    </>
  );
}

export interface FieldGroupProps {
  name: string;
  /** The kind of group (`key-value`, `object-list`), its class beside `field`. */
  kind: string;
  title: string;
  description?: string;
  /** The issues at the field itself. */
  issues: readonly ValidationIssue[];
  children: ReactNode;
}

/** A field made of several inputs: a group labelled by its title, its help and its own issues above them. */
export function FieldGroup({ name, kind, title, description, issues, children }: FieldGroupProps) {
  const id = useId();
  return (
    <div className={`field ${kind}`} data-field={name} role="group" aria-labelledby={`${id}-title`}>
      <div className="field-head">
        <span id={`${id}-title`} className="field-label">
          {title}
        </span>
      </div>
      {description ? <p className="field-help">{description}</p> : null}
      <IssueLines issues={issues} />
      {children}
    </div>
  );
}

/** The props of a field whose value is an object or a list, with the issues under it. */
export interface ObjectFieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The JSON pointer of this field in the document the issues point into. */
  pointer: string;
  issues: readonly ValidationIssue[];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An object field: its fields in a group that opens by itself once it holds something or has a problem. */
export function NestedObjectField({ name, schema, value, onChange, pointer, issues }: ObjectFieldProps) {
  const below = issuesBelow(issues, pointer);
  const object = asRecord(value);
  const title = fieldTitle(name, schema);
  return (
    <details
      className="nested-object"
      data-field={name}
      open={value !== undefined || issues.length > 0}
      aria-label={title}
    >
      <summary>{title}</summary>
      {schema.description ? <p className="field-help">{schema.description}</p> : null}
      <IssueLines issues={below.get('') ?? []} />
      <SchemaForm
        schema={schema}
        value={object}
        pointer={pointer}
        issues={below}
        onFieldChange={(field, next) => {
          const updated = withField(object, field, next);
          onChange(Object.keys(updated).length > 0 ? updated : undefined);
        }}
      />
    </details>
  );
}

/** A list of objects: one group per item with its own Remove, and Add at the end. */
export function ObjectListField({ name, schema, value, onChange, pointer, issues }: ObjectFieldProps) {
  const { t } = useTranslation();
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const itemSchema = schema.items ?? {};
  const title = fieldTitle(name, schema);
  const itemTitle = itemSchema.title ?? 'Item';
  const below = issuesBelow(issues, pointer);
  const replace = (index: number, next: unknown) => {
    const updated = items.map((item, at) => (at === index ? next ?? {} : item));
    onChange(updated);
  };
  return (
    <FieldGroup name={name} kind="object-list" title={title} description={schema.description} issues={below.get('') ?? []}>
      {items.map((item, index) => {
        const at = `${pointer}/${index}`;
        const label = `${itemTitle} ${index + 1}`;
        const itemIssues = below.get(String(index)) ?? [];
        const itemBelow = issuesBelow(itemIssues, at);
        const object = asRecord(item);
        return (
          <fieldset key={index} className="object-list-item" aria-label={label}>
            <legend>{label}</legend>
            <IssueLines issues={itemBelow.get('') ?? []} />
            <SchemaForm
              schema={itemSchema}
              value={object}
              pointer={at}
              issues={itemBelow}
              onFieldChange={(field, next) => replace(index, withField(object, field, next))}
            />
            <button
              type="button"
              className="button button-small button-danger"
              aria-label={t('fields.removeItem', { item: label })}
              onClick={() => {
                const rest = items.filter((_, other) => other !== index);
                onChange(rest.length > 0 ? rest : undefined);
              }}
            >
              {t('fields.remove')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button-small" onClick={() => onChange([...items, {}])}>
        {t('fields.addItem', { item: itemTitle.toLowerCase() })}
      </button>
    </FieldGroup>
  );
}
