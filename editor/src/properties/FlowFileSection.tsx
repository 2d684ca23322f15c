/**
 * @module The flow as a file, from the flow's panel: a read-only JSON view of the draft, an export that
 * downloads it as `<id>.flow.json` (unpublished changes included), and the import of another file's steps.
 */
import { useContext } from 'react';
import { EditorContext } from '../editor/editor-context.js';
import { ImportFlowButton } from '../flows/ImportFlowButton.js';
import { useTranslation } from '../i18n/i18n.js';
import { JsonView } from '../ui/JsonView.js';
import type { DraftFlow } from '../model/draft.js';

/** The text an exported flow file holds: 2-space JSON with a trailing newline (saving makes it canonical). */
export function flowFileText(draft: DraftFlow): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has started the download; the URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function FlowFileSection({ flowId, draft }: { flowId: string; draft: DraftFlow }) {
  const { t } = useTranslation();
  const importSteps = useContext(EditorContext)?.importSteps;
  return (
    <section className="panel-section" aria-label={t('flowPanel.file')}>
      <h3>{t('flowPanel.file')}</h3>
      <button type="button" className="button" onClick={() => download(`${flowId}.flow.json`, flowFileText(draft))}>
        {t('flowPanel.export')}
      </button>{' '}
      {importSteps ? <ImportFlowButton label={t('flowImport.stepsButton')} onFile={importSteps} /> : null}
      <details className="flow-json">
        <summary>{t('flowPanel.json')}</summary>
        <JsonView value={draft} label={t('flowPanel.jsonLabel')} maxHeight={420} />
      </details>
    </section>
  );
}
