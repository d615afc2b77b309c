import { readFileSync, statSync } from 'node:fs';
import { tr, type CliLang } from './cliLang';
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
      throw new UserError(tr(lang, `${file}: ${what} is a directory, not a file; give the data file inside it`, `${file}：${what} 指向的是文件夹而非文件，请给出其中的数据文件`));
    }
    // A pipe or device (/dev/zero, a FIFO) would be read forever.
    if (!st.isFile()) {
      throw new UserError(tr(lang, `${file}: ${what} is not a regular file (a device or pipe); save the data to a file first`, `${file}：${what} 不是普通文件（设备或管道），请先将数据保存为文件`));
    }
    if (st.size > MAX_BYTES) {
      const mb = Math.round(st.size / 2 ** 20);
      throw new UserError(tr(lang, `${file}: the ${what} file is too large (${mb} MB; the limit is 500 MB); clip it to the study area first`, `${file}：${what} 文件过大（${mb} MB，上限 500 MB），请先裁剪到研究范围`));
    }
    const buf = readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? tr(lang, 'file not found', '文件不存在')
        : code === 'EACCES' || code === 'EPERM' ? tr(lang, 'permission denied', '没有读取权限')
          : code === 'EISDIR' ? tr(lang, 'is a directory, not a file', '是文件夹而非文件')
            : code ?? (e as Error).message;
    throw new UserError(tr(lang, `${file}: cannot read the ${what} file (${reason})`, `${file}：无法读取 ${what} 文件（${reason}）`));
  }
}
