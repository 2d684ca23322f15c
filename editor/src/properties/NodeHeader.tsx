/**
 * @module The top of a property panel: what the node is (type, category), its summary, and its full docs;
 * for a panel that is not a node's (the flow, test runs), its title, what it is for and its buttons.
 */
import type { ReactNode } from 'react';
import type { StepManifest } from '../api/types.js';
import { StepIcon } from '../canvas/StepIcon.js';
import { categoryLabel, summaryOf } from '../model/catalog.js';
import { Markdownish } from '../ui/Markdownish.js';
import { useTranslation } from '../i18n/i18n.js';

export interface NodeHeaderProps {
  title: string;
  subtitle: string;
  manifest?: StepManifest;
  /** Shown instead of the type's description, e.g. for a branch. */
  description?: string;
}

export function NodeHeader({ title, subtitle, manifest, description }: NodeHeaderProps) {
  const { t } = useTranslation();
  const text = description ?? (manifest ? summaryOf(manifest.description) : undefined);
  return (
    <header className="node-header">
      <StepIcon type={manifest?.type} category={manifest?.category} />
      <div className="node-header-text">
        <h2>{title}</h2>
        <p className="node-header-subtitle">
          {manifest ? t('stepPanel.subtitle', { subtitle, category: t(`canvas.category.${manifest.category}`, { defaultValue: categoryLabel(manifest.category) }) }) : subtitle}
        </p>
      </div>
      {text ? <Markdownish className="node-summary" text={text} /> : null}
      {manifest && manifest.description.trim() !== summaryOf(manifest.description) ? (
        <details className="node-docs">
          <summary>{t('stepPanel.howItWorks', { title: manifest.title })}</summary>
          <Markdownish text={manifest.description} />
        </details>
      ) : null}
    </header>
  );
}

/** The header of a panel that is not a node's: its title, a line on what it is for, and its buttons. */
export function PanelHeader({ title, subtitle, children }: { title: string; subtitle: string; children?: ReactNode }) {
  return (
    <header className="node-header">
      <div className="node-header-text">
        <h2>{title}</h2>
        <p className="node-header-subtitle">{subtitle}</p>
      </div>
      {children}
    </header>
  );
}
