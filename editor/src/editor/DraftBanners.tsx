/**
 * @module The draft's conflicts, each with its two ways out: the file changed since the draft began (load the
 * file, or publish over it), or another window wrote the draft (load that draft, or overwrite it).
 */
import { useTranslation } from '../i18n/i18n.js';
import { Banner } from '../ui/Banner.js';

export interface DraftBannersProps {
  fileConflict: boolean;
  draftConflict: boolean;
  onLoadFile: () => void;
  onPublishOver: () => void;
  onLoadDraft: () => void;
  onOverwriteDraft: () => void;
}

export function DraftBanners(props: DraftBannersProps) {
  const { t } = useTranslation();
  const action = (label: string, onClick: () => void) => (
    <button type="button" className="button button-small" onClick={onClick}>
      {label}
    </button>
  );
  return (
    <>
      {props.fileConflict ? (
        <Banner tone="warning" actions={<>{action(t('draft.loadFile'), props.onLoadFile)}{action(t('draft.overwriteFile'), props.onPublishOver)}</>}>
          {t('draft.conflictFile')}
        </Banner>
      ) : null}
      {props.draftConflict ? (
        <Banner tone="warning" actions={<>{action(t('draft.loadOtherDraft'), props.onLoadDraft)}{action(t('draft.overwriteDraft'), props.onOverwriteDraft)}</>}>
          {t('draft.conflictDraft')}
        </Banner>
      ) : null}
    </>
  );
}
