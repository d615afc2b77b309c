import { messageText, parseLanguage, type CliMessageCode, type Language } from '../../src/core/messages';

/** Languages of the CLI's messages: the app's (core/messages), zh-CN and en. */
export type CliLang = Language;

/**
 * The message language: `--lang zh-CN|zh|en` (also `--lang=zh`) when given, else Chinese when the
 * locale (LC_ALL, LC_MESSAGES, then LANG) is Chinese, else English. Read before the full argument
 * parse so that argument errors are already in the right language; an invalid --lang value is
 * left to the parser to report.
 */
export function cliLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliLang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    const lang = v === undefined ? null : parseLanguage(v);
    if (lang) return lang;
  }
  return parseLanguage(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}

/** A CLI message from the catalogue (core/messages/cli.ts) in the language. */
export function msg(lang: CliLang, code: CliMessageCode, params: Readonly<Record<string, unknown>> = {}): string {
  return messageText(code, lang, params);
}

/** "error: …" / "错误：…" */
export function labelled(lang: CliLang, label: 'cli_error' | 'cli_warning', text: string): string {
  return `${msg(lang, label)}${msg(lang, 'cli_colon')}${text}`;
}
