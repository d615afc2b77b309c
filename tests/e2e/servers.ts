import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (works under vitest and under tsx, where ES modules have no __dirname). */
export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, ms: number, what: string, child: ChildProcess): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering at ${url}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${ms} ms`);
}

export interface RunningServer {
  url: string;
  stop: () => void;
}

/**
 * Starts a command that serves the app on 127.0.0.1 (it gets `--port P --strictPort` appended) and
 * waits until it answers. The command runs in its own process group so `stop` ends npm and vite alike.
 */
export async function startServer(command: string, args: string[], what: string, timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(command, [...args, '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, timeoutMs, what, child);
  } catch (e) {
    stop();
    throw e;
  }
  return { url, stop };
}
