/**
 * Times the whole analysis through a worker: start-up, sending the graph once (copied, then
 * transferred), preparing the context there; then each run's round trip with the result
 * arrays transferred back. Compared with the same run in-process by the caller.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FeatureCollection } from 'geojson';
import type { WalkGraph } from '../../src/core/network';
import { summarize, type Timing } from './timing';

/**
 * The buffers of a graph, for a worker's transfer list. Only this probe sends a graph: the app's
 * worker builds its own from the network GeoJSON (core/studyArea).
 */
function graphTransferables(graph: WalkGraph): ArrayBuffer[] {
  const arrays = [
    graph.coords, graph.offsets, graph.targets, graph.arcEdge, graph.arcLength,
    graph.edgeFrom, graph.edgeTo, graph.edgeLength, graph.edgeFeature, graph.component,
  ];
  const out: ArrayBuffer[] = [];
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  return out;
}

export interface WorkerProbeResult {
  /** new Worker until its modules are loaded (tsx transpiles them here; a bundle loads faster), ms */
  boot: number;
  /** the graph copied, transferred and acknowledged, ms */
  graphTransfer: number;
  /** communities and facilities (GeoJSON, structured clone) sent + prepareCoverage there, ms */
  prepare: number;
  /** round trip of runCoverage (15 categories + stats) with the result transferred back */
  wholeAnalysis: Timing;
}

function copyGraph(g: WalkGraph): WalkGraph {
  const c = <T extends { slice(): T }>(a: T): T => a.slice();
  return {
    ...g,
    coords: c(g.coords), offsets: c(g.offsets), targets: c(g.targets), arcEdge: c(g.arcEdge),
    arcLength: c(g.arcLength), edgeFrom: c(g.edgeFrom), edgeTo: c(g.edgeTo), edgeLength: c(g.edgeLength),
    edgeFeature: g.edgeFeature && c(g.edgeFeature), component: g.component && c(g.component),
  };
}

export async function probeWorker(
  graph: WalkGraph, communities: FeatureCollection, facilities: FeatureCollection, runs: number,
): Promise<WorkerProbeResult> {
  const t0 = performance.now();
  // tsx's loader is registered per thread, so the worker registers it before importing the .ts
  const url = new URL('./benchWorker.ts', import.meta.url).href;
  const bootCode = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  const worker = new Worker(bootCode, { eval: true });
  const next = (): Promise<{ type: string }> => new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await next();
  const boot = performance.now() - t0;
  let t = performance.now();
  const sent = copyGraph(graph);
  worker.postMessage({ type: 'graph', graph: sent }, graphTransferables(sent));
  await next();
  const graphTransfer = performance.now() - t;
  t = performance.now();
  worker.postMessage({ type: 'init', communities, facilities });
  await next();
  const prepare = performance.now() - t;
  const samples: number[] = [];
  for (let r = 0; r <= runs; r++) {
    t = performance.now();
    worker.postMessage({ type: 'run' });
    await next();
    if (r > 0) samples.push(performance.now() - t); // run 0 warms the worker's JIT
  }
  await worker.terminate();
  return { boot, graphTransfer, prepare, wholeAnalysis: summarize(samples) };
}
