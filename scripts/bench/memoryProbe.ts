/** Forks memoryChild.ts for one scale (with --expose-gc) and returns its measurement. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MemoryResult } from './memoryChild';
import type { ScaleName } from './syntheticCity';

export function measureMemory(scale: ScaleName, seed: number): Promise<MemoryResult> {
  const child = fileURLToPath(new URL('./memoryChild.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = fork(child, [scale, String(seed)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let got: MemoryResult | null = null;
    proc.on('message', (m) => { got = m as MemoryResult; });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (got) resolve(got);
      else reject(new Error(`memory probe for ${scale} exited with code ${code} without a result`));
    });
  });
}
