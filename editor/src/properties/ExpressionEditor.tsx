/**
 * @module The JSONata editor behind the f(x) switch: syntax checked as you type (with the engine's parser)
 * and a live preview evaluated against a sample message.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExpressionValue } from '../../../engine/flow/document.js';
import { expressionProblems, expressionSource } from '../expressions/check.js';
import { previewValue, type PreviewResult } from '../expressions/preview.js';
import { jsonText } from '../ui/JsonView.js';
import { useFormContext } from './form-context.js';

export interface ExpressionEditorProps {
  id: string;
  title: string;
  value: ExpressionValue;
  onChange: (value: ExpressionValue) => void;
  describedBy?: string;
}

/** Rows that show the whole expression (lines wrap at about 46 characters in the panel), 2 to 10. */
function editorRows(source: string): number {
  const lines = source.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 46)), 0);
  return Math.min(10, Math.max(2, lines));
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
  const { sample } = useFormContext();
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
          aria-label={`${title} expression kind`}
          value={kind}
          onChange={(event) => onChange(event.target.value === 'template' ? { $template: source } : { $expr: source })}
        >
          <option value="expr">JSONata expression</option>
          <option value="template">Text template {'{{ }}'}</option>
        </select>
        <span className="expression-hint">
          {kind === 'template' ? 'Text with {{ jsonata }} holes' : 'Reads payload, attributes, vars'}
          {sample?.message.error ? ', error' : ''}
        </span>
      </div>
      <textarea
        id={id}
        className="code-input"
        rows={editorRows(source)}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={source}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedByIds || undefined}
        onChange={(event) => onChange(kind === 'template' ? { $template: event.target.value } : { $expr: event.target.value })}
      />
      {problems.length > 0 ? (
        <p className="field-error expression-error" id={errorId} role="alert">
          {problems[0]!.message}
        </p>
      ) : (
        <div className="expression-preview" id={previewId}>
          {sample === undefined ? (
            <span className="muted">No sample message to preview with: give the trigger a sample event, or run the flow.</span>
          ) : (
            <>
              <span className="preview-caption">Preview with {sample.source}</span>
              {preview === undefined ? (
                <span className="muted">evaluating…</span>
              ) : preview.ok ? (
                <pre className="preview-value" aria-label={`Preview of ${title}`}>
                  {jsonText(preview.value)}
                </pre>
              ) : (
                <p className="field-error" aria-label={`Preview of ${title}`}>
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
