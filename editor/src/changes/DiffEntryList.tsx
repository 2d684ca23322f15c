/**
 * @module A semantic diff for people: one item per change (step added, removed, moved, renamed, field
 * changed), with its place and the old and new value of a field; clicking a change selects its step. Used by
 * the "Changes" view (against the last commit) and the draft's changes (against the published file).
 */
import type { TFunction } from 'i18next';
import type { DiffEntry } from '../../../engine/flow-diff/diff.js';
import { showValue } from '../../../engine/flow-diff/values.js';
import { useTranslation } from '../i18n/i18n.js';

function subject(entry: DiffEntry, t: TFunction): string {
  if (entry.node === 'root') return t('diff.flow');
  const key = entry.node === 'trigger' ? 'diff.trigger' : entry.node === 'branch' ? 'diff.branch' : 'diff.step';
  return t(key, { id: entry.id ?? '' }).trim();
}

const placeText = (where: NonNullable<DiffEntry['to']>) => `${where.scope} #${where.index + 1}`;

function place(entry: DiffEntry, t: TFunction): string | undefined {
  if (entry.change === 'added' && entry.to) return t('diff.at', { place: placeText(entry.to) });
  if (entry.change === 'removed' && entry.from) return t('diff.from', { place: placeText(entry.from) });
  if (entry.change === 'moved' && entry.from && entry.to) return t('diff.fromTo', { from: placeText(entry.from), to: placeText(entry.to) });
  return undefined;
}

export function DiffEntryList({ entries, onSelectStep }: { entries: readonly DiffEntry[]; onSelectStep: (stepId: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="change-list">
      {entries.map((entry, index) => (
        <li key={index} className={`change-item change-${entry.change}`} data-step-id={entry.id}>
          <button
            type="button"
            className="change-head"
            disabled={entry.id === undefined || entry.change === 'removed'}
            onClick={() => entry.id && onSelectStep(entry.id)}
          >
            <span className={`change-kind change-kind-${entry.change}`}>{t(`diff.${entry.change}`)}</span>
            <span className="change-subject">{subject(entry, t)}</span>
            {entry.type ? <span className="muted"> ({entry.type})</span> : null}
            {entry.pointer && entry.change !== 'renamed' ? <code className="change-pointer">{entry.pointer}</code> : null}
          </button>
          {place(entry, t) ? <div className="change-place muted">{place(entry, t)}</div> : null}
          {entry.change === 'changed' || entry.change === 'renamed' ? (
            <dl className="change-values">
              <dt>{t('diff.old')}</dt>
              <dd className="change-old" aria-label={t('diff.oldValue')}>{showValue(entry.before, 400)}</dd>
              <dt>{t('diff.new')}</dt>
              <dd className="change-new" aria-label={t('diff.newValue')}>{showValue(entry.after, 400)}</dd>
            </dl>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
