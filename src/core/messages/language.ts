/** The languages of every message, in the app and the CLI alike. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A language code as people write it → one of ours, or null: any Chinese (zh, zh-CN, zh_CN.UTF-8,
 * zh-Hans…) is zh-CN, any English (en, en-US, en_GB.UTF-8…) is en.
 */
export function parseLanguage(code: string | null | undefined): Language | null {
  const c = (code ?? '').trim().toLowerCase();
  if (/^zh([-_.]|$)/.test(c)) return 'zh-CN';
  if (/^en([-_.]|$)/.test(c)) return 'en';
  return null;
}

/** The text of the language (for messages written as a pair in place). */
export function pick(lang: Language, en: string, zh: string): string {
  return lang === 'zh-CN' ? zh : en;
}
