/**
 * @module The component picker behind every "+": step types from the registry's manifest, searchable by
 * title, synonyms and description, and grouped by category. Enter picks the first match; arrow keys move between types.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { StepManifest } from '../api/types.js';
import { groupByCategory, plainText, searchSteps, summaryOf } from '../model/catalog.js';
import { Dialog } from '../ui/Dialog.js';
import { StepIcon } from './StepIcon.js';
import { useTranslation } from '../i18n/i18n.js';

export interface ComponentPickerProps {
  title: string;
  /** What it inserts into, for screen readers and the subtitle. */
  context?: string;
  manifests: StepManifest[];
  onPick: (manifest: StepManifest) => void;
  onClose: () => void;
}

function moveFocus(event: KeyboardEvent<HTMLElement>, container: HTMLElement | null, delta: number): void {
  const items = [...(container?.querySelectorAll<HTMLButtonElement>('.picker-item') ?? [])];
  if (items.length === 0) return;
  event.preventDefault();
  const index = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = index === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, index + delta));
  items[next]!.focus();
}

export function ComponentPicker({ title, context, manifests, onPick, onClose }: ComponentPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const matches = useMemo(() => searchSteps(manifests, query), [manifests, query]);
  const groups = useMemo(() => groupByCategory(matches), [matches]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown') moveFocus(event, list, 1);
    else if (event.key === 'ArrowUp') moveFocus(event, list, -1);
  };
  return (
    <Dialog title={title} onClose={onClose} width={620} className="picker">
      {context ? <p className="picker-context">{context}</p> : null}
      <input
        type="search"
        className="picker-search"
        aria-label={t('canvas.searchSteps')}
        placeholder={t('canvas.searchPlaceholder')}
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches[0]) onPick(matches[0]);
          else onKeyDown(event);
        }}
      />
      <div className="picker-groups" ref={setList} onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <section key={group.category} className="picker-group" aria-label={t(`canvas.category.${group.category}`, { defaultValue: group.label })}>
            <h3>{t(`canvas.category.${group.category}`, { defaultValue: group.label })}</h3>
            <div className="picker-grid">
              {group.steps.map((manifest) => (
                <button
                  key={manifest.type}
                  type="button"
                  className="picker-item"
                  aria-label={manifest.title}
                  aria-describedby={`picker-${manifest.type}`}
                  title={plainText(manifest.description)}
                  onClick={() => onPick(manifest)}
                >
                  <StepIcon type={manifest.type} category={manifest.category} />
                  <span className="picker-text">
                    <strong>{manifest.title}</strong>
                    <span id={`picker-${manifest.type}`}>{plainText(summaryOf(manifest.description))}</span>
                  </span>
                </button>
              ))}
            </div>
          </section>
        ))}
        {matches.length === 0 ? <p className="empty-note">{t('canvas.noMatch', { query })}</p> : null}
      </div>
    </Dialog>
  );
}
