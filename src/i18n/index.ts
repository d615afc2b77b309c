import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { parseLanguage, UI_MESSAGES, type Language } from '../core/messages';

export type { Language };
const STORAGE_KEY = 'lifecircle.language';

/** The saved choice, else the browser language: any zh-* → zh-CN, everything else → en. */
export function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'zh-CN';
  return parseLanguage(nav) ?? 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: UI_MESSAGES.en },
    'zh-CN': { translation: UI_MESSAGES['zh-CN'] },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes text itself; i18next must not, or names like "A&B" show as "A&amp;B".
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
