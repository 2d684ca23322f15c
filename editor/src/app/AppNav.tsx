/**
 * @module The top navigation of the list pages: the sections of `sections.ts` by group, and the language
 * switch.
 */
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
