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

/**
 * Process-wide safety nets for the real CLI (not for in-process tests): an error thrown outside the
 * awaited body (a library timer, an unhandled rejection) still ends in one line and exit 1, and a
 * closed stdout (`npm run analyze … | head`) ends quietly instead of with an EPIPE stack.
 */
export function installProcessGuards(options: { lang: CliLang; debug: boolean }): void {
  const { lang } = options;
  const fatal = (e: unknown): void => {
    const first = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 300);
    const colon = tr(lang, ': ', '：');
    process.stderr.write(`${tr(lang, 'error', '错误')}${colon}${tr(lang, 'internal error', '内部错误')}${colon}${first}\n`);
    process.stderr.write(options.debug ? `${(e as Error)?.stack ?? ''}\n` : tr(lang, 'run with --debug for details\n', '加 --debug 运行可查看详细信息\n'));
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      else fatal(e);
    });
  }
}
