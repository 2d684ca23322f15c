/**
 * @module The top navigation of the list pages: the sections of `sections.ts` by group, and the language
 * switch; and the top of a section's page (the navigation, its title, what it is for, its buttons).
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { NAV_GROUPS, NAV_SECTIONS, type NavSectionId } from './sections.js';

export function AppNav({ current }: { current: NavSectionId }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <span className="app-brand">flowbus</span>
      {NAV_GROUPS.map((group) => (
        <span key={group.id} className="app-nav-group" role="group" aria-label={t(group.label)}>
          {NAV_SECTIONS.filter((section) => section.group === group.id).map((section) => (
            <a key={section.id} href={section.href} aria-current={current === section.id ? 'page' : undefined}>
              {t(section.label)}
            </a>
          ))}
        </span>
      ))}
      <LanguageSwitch />
    </nav>
  );
}

/** The top of a section's page: the navigation with the section marked, its title, intro and buttons. */
export function PageTop({ section, title, intro, children }: { section: NavSectionId; title: string; intro: string; children?: ReactNode }) {
  return (
    <>
      <AppNav current={section} />
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">{intro}</p>
        </div>
        {children}
      </header>
    </>
  );
}
