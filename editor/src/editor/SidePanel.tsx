/**
 * @module The right-hand side of the editor: tabs for the properties of the selection, test runs, the
 * flow's executions, and its changes since the last commit.
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';

export type SideTab = 'properties' | 'run' | 'executions' | 'changes';

/** The tabs in order; each one's name is `canvas.tabs.<id>`. */
const TABS: Array<{ id: SideTab }> = [{ id: 'properties' }, { id: 'run' }, { id: 'executions' }, { id: 'changes' }];

export function SidePanel({ tab, onTab, children }: { tab: SideTab; onTab: (tab: SideTab) => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist" aria-label={t('canvas.panels')}>
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls="side-panel-body"
            className={`tab${tab === item.id ? ' active' : ''}`}
            onClick={() => onTab(item.id)}
          >
            {t(`canvas.tabs.${item.id}`)}
          </button>
        ))}
      </div>
      <div className="side-panel-body" id="side-panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {children}
      </div>
    </aside>
  );
}
