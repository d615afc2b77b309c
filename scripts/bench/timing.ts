/**
 * Timing policy of ../shared/research/perf-anchors.md: median (min–max) of 5 runs after a
 * warm-up, 15 runs when a run takes under 200 ms; runs over 5 s: n = 3 (the first run counts,
 * no warm-up); over 60 s: n = 1. Each row starts after a full garbage collection (not timed)
 * so the previous row's garbage is not billed to it. Not before every run: back-to-back full
 * collections age out V8's bytecode and made the runs after them 2–5× slower.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The engine's gc(), exposed at run time (no --expose-gc needed on the command line). */
export const collectGarbage: () => void = (() => {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Times `fn` (milliseconds). `fn` may return a value; the last one is handed back for checks. */
export function measure<T>(fn: () => T, opts: { maxRuns?: number } = {}): { timing: Timing; result: T } {
  collectGarbage();
  let t0 = performance.now();
  let result = fn();
  const first = performance.now() - t0;
  const samples: number[] = [];
  let runs: number;
  if (first > 60_000) {
    samples.push(first);
    runs = 0;
  } else if (first > 5_000) {
    samples.push(first);
    runs = 2;
  } else {
    runs = first < 200 ? 15 : 5;
  }
  if (opts.maxRuns !== undefined) runs = Math.min(runs, Math.max(0, opts.maxRuns - samples.length));
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  return { timing: summarize(samples), result };
}

export function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
}

/** "12.3 (11.9–13.0)" with sensible precision. */
export function formatTiming(t: Timing | undefined): string {
  if (!t) return '–';
  const f = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  return t.runs > 1 ? `${f(t.median)} (${f(t.min)}–${f(t.max)})` : `${f(t.median)} n=1`;
}
