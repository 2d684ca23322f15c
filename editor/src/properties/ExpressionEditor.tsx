/**
 * @module The JSONata editor behind the f(x) switch: a code editor with highlighting and completion, syntax
 * checked as you type (with the engine's parser, underlined at its position), and a live preview evaluated
 * against a sample message.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExpressionValue } from '../../../engine/flow/document.js';
import { expressionProblems, expressionSource } from '../expressions/check.js';
import { CodeInput } from '../expressions/CodeInput.js';
import { previewValue, type PreviewResult } from '../expressions/preview.js';
import { sampleSourceText } from '../expressions/sample-message.js';
import { useTranslation } from '../i18n/i18n.js';
import { jsonText } from '../ui/JsonView.js';
import { useFormContext } from './form-context.js';

export interface ExpressionEditorProps {
  id: string;
  title: string;
  value: ExpressionValue;
  onChange: (value: ExpressionValue) => void;
  describedBy?: string;
}

/** How long typing must pause before the preview is evaluated again. */
const PREVIEW_DELAY_MS = 200;

function usePreview(value: ExpressionValue, valid: boolean, message: unknown): PreviewResult | undefined {
  const [result, setResult] = useState<PreviewResult>();
  useEffect(() => {
    if (!valid || message === undefined) {
      setResult(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void previewValue(value, message).then((next) => current && setResult(next));
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, valid, message]);
  return result;
}

export function ExpressionEditor({ id, title, value, onChange, describedBy }: ExpressionEditorProps) {
  const { t } = useTranslation();
  const { sample, variables = [] } = useFormContext();
  const kind = '$template' in value ? 'template' : 'expr';
  const source = expressionSource(value);
  const problems = useMemo(() => expressionProblems(value), [value]);
  const preview = usePreview(value, problems.length === 0, sample?.message);
  const errorId = `${id}-syntax`;
  const previewId = `${id}-preview`;
  const describedByIds = [describedBy, problems.length > 0 ? errorId : previewId].filter(Boolean).join(' ');
  return (
    <div className="expression-editor">
      <div className="expression-toolbar">
        <select
          aria-label={t('expression.kind', { title })}
          value={kind}
          onChange={(event) => onChange(event.target.value === 'template' ? { $template: source } : { $expr: source })}
        >
          <option value="expr">{t('expression.jsonata')}</option>
          <option value="template">{t('expression.template', { holes: '{{ }}' })}</option>
        </select>
        <span className="expression-hint">
          {kind === 'template'
            ? t('expression.templateHint', { holes: '{{ jsonata }}' })
            : t(sample?.message.error ? 'expression.expressionHintError' : 'expression.expressionHint')}
        </span>
      </div>
      <CodeInput
        id={id}
        label={title}
        value={source}
        template={kind === 'template'}
        check={(text) => expressionProblems(kind === 'template' ? { $template: text } : { $expr: text })}
        invalid={problems.length > 0}
        completions={{ message: sample?.message as Record<string, unknown> | undefined, variables }}
        describedBy={describedByIds || undefined}
        onChange={(text) => onChange(kind === 'template' ? { $template: text } : { $expr: text })}
      />
      {problems.length > 0 ? (
        <p className="field-error expression-error" id={errorId} role="alert">
          {problems[0]!.message}
        </p>
      ) : (
        <div className="expression-preview" id={previewId}>
          {sample === undefined ? (
            <span className="muted">{t('expression.noSample')}</span>
          ) : (
            <>
              <span className="preview-caption">{t('expression.previewWith', { source: sampleSourceText(sample, t) })}</span>
              {preview === undefined ? (
                <span className="muted">{t('expression.evaluating')}</span>
              ) : preview.ok ? (
                <pre className="preview-value" aria-label={t('expression.previewOf', { title })}>
                  {jsonText(preview.value)}
                </pre>
              ) : (
                <p className="field-error" aria-label={t('expression.previewOf', { title })}>
                  {preview.type}: {preview.message}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
