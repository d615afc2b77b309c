/**
 * The CLI end to end (issue 10, "At any size"): writes a synthetic city's input files
 * (cliInputs.ts) into a temporary folder, runs `scripts/analyze.ts` on them in a child process
 * (node with the same loader as this one, i.e. tsx) and reads the figures the CLI records itself
 * (LIFECIRCLE_CLI_TIMING): time from the start of its main to the end (node/tsx start-up and
 * module loading excluded), per phase, and the child's peak RSS (getrusage). One run per size.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCategoryIds } from './benchRules';
import { CLI_SIZES, writeCliInputs, type CliSize } from './cliInputs';

export interface CliRunResult {
  size: CliSize;
  communities: number;
  facilities: number;
  nodes: number;
  /** MB of the three input files and of the written result */
  inputMB: number;
  outputMB: number;
  /** ms inside the CLI, start-up excluded */
  elapsedMs: number;
  /** ms per phase: read, prepare (graph, snapping), analyze, write, summary */
  phases: Record<string, number>;
  /** ms from spawning the child to its exit (start-up included) */
  wallMs: number;
  /** peak resident set of the CLI process, MB (start-up included) */
  peakRssMB: number;
}

const ANALYZE = fileURLToPath(new URL('../analyze.ts', import.meta.url));
const MB = 1024 * 1024;

/** Runs the CLI once on the `size` city; the temporary folder is removed afterwards. */
export async function probeCli(size: CliSize, seed: number): Promise<CliRunResult> {
  const dir = mkdtempSync(path.join(tmpdir(), `lc-bench-cli-${size}-`));
  try {
    const files = writeCliInputs(size, dir, seed);
    const out = path.join(dir, 'result.geojson');
    const timingFile = path.join(dir, 'timing.json');
    const args = ['--communities', files.communities, '--facilities', files.facilities, '--network', files.network, '--out', out];
    const t0 = performance.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, ANALYZE, ...args], {
        env: { ...process.env, LIFECIRCLE_CLI_TIMING: timingFile, LANG: 'en' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); });
      child.on('error', reject);
      child.on('exit', (c) => resolve({ code: c, stderr: err }));
    });
    const wallMs = performance.now() - t0;
    if (code !== 0) throw new Error(`the CLI at ${size} exited with code ${code}: ${stderr.trim()}`);
    const figures = JSON.parse(readFileSync(timingFile, 'utf8')) as { elapsed_ms: number; phases: Record<string, number>; max_rss_mb: number };
    const sizeOf = (f: string): number => statSync(f).size / MB;
    const spec = CLI_SIZES[size];
    return {
      size,
      communities: spec.communities,
      facilities: spec.facilitiesPerCategory * benchCategoryIds.length,
      nodes: spec.nodes,
      inputMB: sizeOf(files.communities) + sizeOf(files.facilities) + sizeOf(files.network),
      outputMB: sizeOf(out),
      elapsedMs: figures.elapsed_ms,
      phases: figures.phases,
      wallMs,
      peakRssMB: figures.max_rss_mb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
