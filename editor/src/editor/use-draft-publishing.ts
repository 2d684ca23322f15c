/**
 * @module The editor's draft workflow: autosave to the server's draft, Ctrl+S to write it now, Publish
 * (write, validate, write the file, and serve the flow again if it was switched off), Unpublish, Discard, and
 * the notices each of them leaves.
 */
import { useCallback } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { draftSnapshot, type DraftFlow } from '../model/draft.js';
import { autosaveStep, draftLabel } from './draft-state.js';
import { useDraftAutosave } from './use-draft-autosave.js';
import type { useFlowFile } from './use-flow-file.js';

export type Notice = { tone: 'info' | 'success' | 'error' | 'warning'; text: string };

export interface DraftPublishingOptions {
  draft: DraftFlow;
  file: ReturnType<typeof useFlowFile>;
  loaded: boolean;
  setNotice: (notice: Notice | undefined) => void;
}

export function useDraftPublishing({ draft, file, loaded, setNotice }: DraftPublishingOptions) {
  const { t } = useTranslation();
  const { state } = file;
  const snapshots = { current: draftSnapshot(draft), published: state.savedSnapshot, stored: state.stored?.snapshot };
  const label = draftLabel(snapshots);
  /** Work that is not on the server yet: leaving now would lose it. */
  const unsaved = autosaveStep(snapshots) !== 'none';
  const enabled = loaded && state.phase === 'ready' && !state.draftConflict && !state.publishing;
  const autosave = useDraftAutosave(draft, file.writeDraft, { enabled, needed: unsaved });

  const saveNow = useCallback(async () => {
    if (await autosave.flush()) setNotice({ tone: 'success', text: t('draft.savedNow') });
  }, [autosave, setNotice, t]);

  const publish = async (overwrite = false) => {
    autosave.cancel();
    const outcome = await file.publish(draft, overwrite);
    if (!outcome.ok) {
      if (outcome.kind === 'conflict') setNotice(undefined);
      else if (outcome.kind === 'invalid') setNotice({ tone: 'error', text: t('draft.notPublishedInvalid', { count: outcome.issues.length }) });
      else setNotice({ tone: 'error', text: t('draft.notPublished', { message: outcome.message }) });
      return outcome;
    }
    const switchedOff = file.state.summary?.status === 'unpublished';
    const problem = switchedOff ? await file.setServing(true) : undefined;
    if (problem) setNotice({ tone: 'error', text: t('draft.notPublished', { message: problem }) });
    else if (outcome.unchanged && !switchedOff) setNotice({ tone: 'info', text: t('draft.publishedUnchanged') });
    else setNotice({ tone: 'success', text: t('draft.publishedDone') });
    return outcome;
  };

  const unpublish = async () => {
    const problem = await file.setServing(false);
    setNotice(problem ? { tone: 'error', text: problem } : { tone: 'success', text: t('draft.unpublishedDone') });
  };

  const discard = async () => {
    autosave.cancel();
    const kept = await file.discard();
    if (kept) setNotice({ tone: 'info', text: t('draft.discarded') });
    // A flow that was only a draft is gone with it.
    else window.location.hash = '#/';
  };

  return { label, unsaved, autosave, saveNow, publish, unpublish, discard };
}
