import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { root, startServer } from './servers';

/** Serves the built app (dist/) with `vite preview` on 127.0.0.1 for the e2e tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before the e2e tests (npm test does).');
  }
  const shots = resolve(root, 'test-output/screenshots');
  mkdirSync(shots, { recursive: true });
  console.log(`\n[e2e] screenshots are written to ${shots}\n`);
  const server = await startServer(resolve(root, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1'], 'vite preview', 30_000);
  project.provide('baseUrl', server.url);
  project.provide('shotsDir', shots);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    shotsDir: string;
  }
}
