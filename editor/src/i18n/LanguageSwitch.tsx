/**
 * @module The language switch: English or 简体中文, remembered in this browser.
 */
import { useId } from 'react';
import { useTranslation } from './i18n.js';
import { LANGUAGES, setLanguage, type Language } from './i18n.js';

export function LanguageSwitch() {
  const id = useId();
  const { t, i18n } = useTranslation();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.language} onChange={(event) => void setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
