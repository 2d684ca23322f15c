/**
 * @module A flow file dropped on the canvas: read, then (once the user agrees in the import dialog) its steps
 * added at the end of the flow with ids made unique, and a notice naming the ids that changed.
 */
import { useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { renamedIds } from '../flows/flow-import.js';
import type { StepCatalog } from '../model/catalog.js';
import { rootSteps, type DraftFlow } from '../model/draft.js';
import { insertCopies } from '../model/tree-ops.js';
import { usedIds } from '../model/walk.js';
import { useFileDrop } from '../ui/use-file-drop.js';
import type { Notice } from './use-draft-publishing.js';

export interface StepImportOptions {
  draft: DraftFlow;
  catalog: StepCatalog;
  change: (next: DraftFlow) => void;
  setNotice: (notice: Notice) => void;
}

export function useStepImport({ draft, catalog, change, setNotice }: StepImportOptions) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ fileName: string; text: string }>();
  const drop = useFileDrop((files) => {
    if (files.length !== 1) return setNotice({ tone: 'error', text: t('flowImport.oneFile') });
    void files[0]!.text().then((text) => setFile({ fileName: files[0]!.name, text }));
  });
  const add = (steps: unknown[]) => {
    if (!file) return;
    const index = rootSteps(draft).length;
    const result = insertCopies(draft, ['steps'], index, steps, usedIds(draft, catalog));
    change(result.draft);
    const renamed = renamedIds(steps, rootSteps(result.draft).slice(index));
    const added = t('flowImport.stepsAdded', { count: steps.length, file: file.fileName });
    setNotice({ tone: 'success', text: renamed.length > 0 ? `${added} ${t('flowImport.renamed', { list: renamed.join(', ') })}` : added });
    setFile(undefined);
  };
  const open = (fileName: string, text: string) => setFile({ fileName, text });
  return { file, drop, add, open, close: () => setFile(undefined) };
}
