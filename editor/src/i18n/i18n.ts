/**
 * @module The app's i18next instance: English and Simplified Chinese, the language chosen last kept in
 * this browser (localStorage), else the browser's own language when it is Chinese, else English.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation as useReactTranslation } from 'react-i18next';
import { messagesOf } from './bundles.js';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'flowbus.language';

function storedLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return LANGUAGES.find((language) => language === stored);
  } catch {
    return undefined;
  }
}

/** The language to start in. */
export function initialLanguage(): Language {
  const browser = globalThis.navigator?.language ?? '';
  return storedLanguage() ?? (/^zh\b/i.test(browser) ? 'zh-CN' : 'en');
}

/** Switches the UI language and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // A browser that refuses storage still switches, for this page.
  }
  await i18n.changeLanguage(language);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: messagesOf('en') },
    'zh-CN': { translation: messagesOf('zh-CN') },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // React escapes what it renders; escaping here too would show `&lt;` in the page.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Keeps `<html lang>` right for screen readers and fonts. */
i18n.on('languageChanged', (language) => {
  if (globalThis.document) document.documentElement.lang = language;
});
if (globalThis.document) document.documentElement.lang = i18n.language;

/**
 * `useTranslation` bound to this instance, so a component works without a provider (in tests too) and
 * re-renders when the language changes.
 */
export function useTranslation() {
  return useReactTranslation('translation', { i18n });
}
