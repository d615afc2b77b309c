import type { CliIo } from './cliIo';
import { labelled, msg, type CliLang } from './cliLang';
import { UserError } from './userError';

/** "error: internal error: <first line of the message>" */
function internalError(lang: CliLang, e: unknown): string {
  const first = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 300);
  return labelled(lang, 'cli_error', `${msg(lang, 'cli_internal_error')}${msg(lang, 'cli_colon')}${first}`);
}

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
    if (e instanceof UserError) {
      io.stderr(`${labelled(lang, 'cli_error', e.message)}\n`);
      return 1;
    }
    io.stderr(`${internalError(lang, e)}\n`);
    if (options.debug) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    else io.stderr(`${msg(lang, 'cli_debug_hint')}\n`);
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
    process.stderr.write(`${internalError(lang, e)}\n`);
    process.stderr.write(options.debug ? `${(e as Error)?.stack ?? ''}\n` : `${msg(lang, 'cli_debug_hint')}\n`);
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
