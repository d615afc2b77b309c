import type { CliIo } from './cliIo';
import { tr, type CliLang } from './cliLang';
import { UserError } from './userError';

/**
 * Runs a CLI body and turns every failure into an exit code and one clean message: a UserError
 * prints its message, anything else prints "internal error: <first line>" and the advice to run
 * with --debug, which adds the stack. Never throws. Returns the exit code (0 or 1).
 */
export async function runGuarded(io: CliIo, options: { lang: CliLang; debug: boolean }, body: () => Promise<void>): Promise<number> {
  const { lang } = options;
  try {
    await body();
    return 0;
  } catch (e) {
    const colon = tr(lang, ': ', '：');
    if (e instanceof UserError) {
      io.stderr(`${tr(lang, 'error', '错误')}${colon}${e.message}\n`);
      return 1;
    }
    const first = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 300);
    io.stderr(`${tr(lang, 'error', '错误')}${colon}${tr(lang, 'internal error', '内部错误')}${colon}${first}\n`);
    if (options.debug) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    else io.stderr(tr(lang, 'run with --debug for details\n', '加 --debug 运行可查看详细信息\n'));
    return 1;
  }
}
