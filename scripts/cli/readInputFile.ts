import { readFileSync, statSync } from 'node:fs';
import { msg, type CliLang } from './cliLang';
import { UserError } from './userError';

/** The importer refuses larger files (browsers cannot hold them); refusing before reading saves memory. */
const MAX_BYTES = 500 * 2 ** 20;

/**
 * The bytes of one input file, or a UserError naming it: not found, a directory, not readable.
 * `what` names the flag in the message ("--communities").
 */
export function readInputFile(file: string, what: string, lang: CliLang): Uint8Array {
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      throw new UserError(msg(lang, 'cli_file_is_directory', { file, option: what }));
    }
    // A pipe or device (/dev/zero, a FIFO) would be read forever.
    if (!st.isFile()) {
      throw new UserError(msg(lang, 'cli_file_not_regular', { file, option: what }));
    }
    if (st.size > MAX_BYTES) {
      const mb = Math.round(st.size / 2 ** 20);
      throw new UserError(msg(lang, 'cli_file_too_large', { file, option: what, mb }));
    }
    const buf = readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? msg(lang, 'cli_file_not_found')
        : code === 'EACCES' || code === 'EPERM' ? msg(lang, 'cli_file_permission')
          : code === 'EISDIR' ? msg(lang, 'cli_file_directory')
            : code ?? (e as Error).message;
    throw new UserError(msg(lang, 'cli_file_unreadable', { file, option: what, reason }));
  }
}
