import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Newest modification time (ms) of a file or of any file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/**
 * Builds the production bundle into dist/ with `npx vite build` when dist/ is missing or older than
 * what it is built from; says so on stderr. Returns why it built, or null when dist/ was current.
 */
export function ensureBuild(root: string, log: (msg: string) => void): string | null {
  const built = newest(resolve(root, 'dist/index.html'));
  const inputs = ['src', 'data/demo', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
  const why = built === 0 ? 'dist/ is missing' : inputs.some((p) => newest(resolve(root, p)) > built) ? 'dist/ is older than src/' : null;
  if (!why) return null;
  log(`${why}: building it with npx vite build …`);
  execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return why;
}
