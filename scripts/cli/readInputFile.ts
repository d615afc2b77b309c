import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
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
    checkInputFile(file, what, lang);
    const buf = readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw inputFileError(e, file, what, lang);
  }
}

/**
 * readInputFile that reads in the background: the file is read in one request on Node's I/O
 * threads, so the CLI can parse one input while the next is read from disk. Rejects with the same
 * UserErrors; attach a handler at once (an unhandled rejection ends the process).
 */
export async function readInputFileAsync(file: string, what: string, lang: CliLang): Promise<Uint8Array> {
  try {
    const size = checkInputFile(file, what, lang);
    const fh = await open(file, 'r');
    try {
      const buf = new Uint8Array(size);
      let at = 0;
      while (at < size) {
        const { bytesRead } = await fh.read(buf, at, size - at, at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      // a file that grew since it was measured is read whole, as readFileSync would
      if (at === size && (await fh.read(new Uint8Array(1), 0, 1, size)).bytesRead > 0) return new Uint8Array(await fh.readFile());
      return at === size ? buf : buf.subarray(0, at);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw inputFileError(e, file, what, lang);
  }
}

/** The size of a readable regular file within the importer's limit, else a UserError. */
function checkInputFile(file: string, what: string, lang: CliLang): number {
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
  return st.size;
}

/** A UserError as is; a file system error as a UserError saying which file and why. */
function inputFileError(e: unknown, file: string, what: string, lang: CliLang): unknown {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? msg(lang, 'cli_file_not_found')
      : code === 'EACCES' || code === 'EPERM' ? msg(lang, 'cli_file_permission')
        : code === 'EISDIR' ? msg(lang, 'cli_file_directory')
          : code ?? (e as Error).message;
  return new UserError(msg(lang, 'cli_file_unreadable', { file, option: what, reason }));
}
