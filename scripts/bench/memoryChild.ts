/**
 * Memory of one scale's analysis, measured in a fresh process (forked by memoryProbe) so
 * nothing from other scales is on the heap. A sampler thread polls the process RSS every
 * millisecond while the main thread is busy; "peak rise" is the highest RSS seen minus the RSS
 * after the city was generated and garbage-collected.
 */
import { Worker } from 'node:worker_threads';
import { resourceUsage } from 'node:process';
import { buildGraph, buildSegmentIndex } from '../../src/core/network';
import { categoryDistances } from '../../src/core/analysis/coverage';
import { prepareCoverage } from '../../src/core/analysis/coverage';
import { runCoverage } from '../../src/core/analysis/coverage';
import { reachedEdges, serviceAreaPolygons } from '../../src/core/analysis/serviceArea';
import { benchCategoryIds, benchRules, ONE_CATEGORY } from './benchRules';
import { generateSyntheticCity, SCALES, type ScaleName } from './syntheticCity';

export interface MemoryResult {
  scale: ScaleName;
  /** highest sampled RSS minus the post-generation baseline, MB */
  peakRssRiseMB: number;
  /** rise of the kernel's RSS high-water mark (getrusage maxrss), MB — 0 when generation peaked higher */
  hwmRiseMB: number;
  /** heap + array buffers still held after the run (graph, context, results), MB */
  retainedMB: number;
  baselineRssMB: number;
  gcExposed: boolean;
}

const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const peak = new Float64Array(workerData);
setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 1);
parentPort.postMessage('ready');
`;

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const scale = (process.argv[2] ?? 'L') as ScaleName;
  const seed = Number(process.argv[3] ?? 42);
  const gc = (globalThis as { gc?: () => void }).gc;
  const city = generateSyntheticCity({ ...SCALES[scale], categories: benchCategoryIds, seed });

  const shared = new SharedArrayBuffer(8);
  const peak = new Float64Array(shared);
  const sampler = new Worker(SAMPLER, { eval: true, workerData: shared });
  await new Promise((resolve) => sampler.once('message', resolve));
  gc?.();
  gc?.();
  const heapBefore = process.memoryUsage();
  const baseline = heapBefore.rss;
  const hwmBefore = resourceUsage().maxRSS * 1024;
  peak[0] = baseline;

  const graph = buildGraph(city.network);
  const segmentIndex = buildSegmentIndex(graph);
  const ctx = prepareCoverage({ communities: city.communities, facilities: city.facilities, rules: benchRules, graph, segmentIndex });
  const result = runCoverage(ctx);
  const k = ctx.categories.findIndex((c) => c.id === ONE_CATEGORY);
  const dist = categoryDistances(ctx, k).search!.dist.slice();
  const seedIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const draw = { seeds: ctx.network!.sourceSnap, seedIds };
  const polys = serviceAreaPolygons(graph, dist, [ctx.categories[k].radius], draw);
  const edges = reachedEdges(graph, dist, ctx.categories[k].radius, draw);

  // let the sampler see the end state
  await new Promise((resolve) => setTimeout(resolve, 20));
  const peakRss = peak[0];
  const hwmAfter = resourceUsage().maxRSS * 1024;
  gc?.();
  const after = process.memoryUsage();
  // `external` already includes `arrayBuffers`
  const held = (u: NodeJS.MemoryUsage): number => u.heapUsed + u.external;
  const out: MemoryResult = {
    scale,
    peakRssRiseMB: (peakRss - baseline) / MB,
    hwmRiseMB: Math.max(0, hwmAfter - Math.max(hwmBefore, baseline)) / MB,
    retainedMB: (held(after) - held(heapBefore)) / MB,
    baselineRssMB: baseline / MB,
    gcExposed: gc !== undefined,
  };
  // keep the results alive until measured
  if (result.distance.length < 0 || polys.length < 0 || edges.length < 0) console.log('');
  await sampler.terminate();
  if (process.send) process.send(out);
  else console.log(JSON.stringify(out));
}

void main();
