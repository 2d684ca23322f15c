/**
 * @module The code editor of the f(x) switch (CodeMirror 6): JSONata or template highlighting, completion
 * of message fields, variables and functions, and each syntax problem underlined at its position.
 */
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { ExpressionIssue } from '../../../engine/expressions/index.js';
import { messageCompletionSource, type CompletionSources } from './completions.js';
import { jsonataHighlighting, jsonataLanguage, jsonataTemplateLanguage } from './jsonata-language.js';

export interface CodeInputProps {
  id: string;
  /** The accessible name of the editable area. */
  label: string;
  value: string;
  template: boolean;
  /** The syntax problems of a text (underlined in the editor); `invalid` marks the field as wrong. */
  check: (text: string) => ExpressionIssue[];
  invalid: boolean;
  completions: CompletionSources;
  describedBy?: string;
  placeholder?: string;
  onChange: (text: string) => void;
}

/** The document offset of a 1-based line and column, kept inside the text. */
function offsetOf(doc: Text, line = 1, column = 1): number {
  const at = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(at.from + Math.max(0, column - 1), at.to);
}

export function problemDiagnostics(doc: Text, problems: ExpressionIssue[]): Diagnostic[] {
  return problems.map((problem) => {
    // A problem at the very end (an unclosed bracket) underlines the last character, so that it shows.
    const from = Math.max(0, Math.min(offsetOf(doc, problem.line, problem.column), doc.length - 1));
    return { from, to: Math.min(from + 1, doc.length), severity: 'error', message: problem.message };
  });
}

export function CodeInput({ id, label, value, template, check, invalid, completions, describedBy, placeholder, onChange }: CodeInputProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  // Read by the long-lived extensions, so they always see the latest props.
  const latest = useRef({ onChange, check, completions });
  latest.current = { onChange, check, completions };
  const language = useRef(new Compartment());
  const attributes = useRef(new Compartment());

  const contentAttributes = () =>
    EditorView.contentAttributes.of({
      id,
      'aria-label': label,
      'aria-invalid': invalid ? 'true' : 'false',
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    });

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        history(),
        closeBrackets(),
        bracketMatching(),
        language.current.of(template ? jsonataTemplateLanguage : jsonataLanguage),
        jsonataHighlighting,
        autocompletion({ override: [messageCompletionSource(() => latest.current.completions)], icons: false }),
        linter((editor) => problemDiagnostics(editor.state.doc, latest.current.check(editor.state.doc.toString())), { delay: 150 }),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        attributes.current.of(contentAttributes()),
        ...(placeholder ? [placeholderText(placeholder)] : []),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => view.current?.destroy();
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    // A value changed from outside (undo of the flow, the kind switch): the editor follows it.
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [
        language.current.reconfigure(template ? jsonataTemplateLanguage : jsonataLanguage),
        attributes.current.reconfigure(contentAttributes()),
      ],
    });
  }, [template, label, id, describedBy, invalid]);

  return <div ref={host} className="code-editor" data-code-editor={id} />;
}
