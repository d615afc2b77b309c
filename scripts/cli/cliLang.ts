/** Languages of the CLI's messages (the importer's issues come in both). */
export type CliLang = 'en' | 'zh';

/**
 * The message language: `--lang zh|en` (also `--lang=zh`) when given, else Chinese when the locale
 * (LC_ALL, LC_MESSAGES, then LANG) starts with "zh", else English. Read before the full argument
 * parse so that argument errors are already in the right language; an invalid --lang value is
 * left to the parser to report.
 */
export function cliLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliLang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Picks the text for the language. */
export function tr(lang: CliLang, en: string, zh: string): string {
  return lang === 'zh' ? zh : en;
}
