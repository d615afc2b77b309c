/**
 * The engine behind a real worker_threads Worker, to show what the worker boundary costs
 * (perf-anchors §4): the graph is sent once, each request returns transferred typed arrays.
 */
import { parentPort } from 'node:worker_threads';
import type { FeatureCollection } from 'geojson';
import type { WalkGraph } from '../../src/core/network';
import { prepareCoverage, type CoverageContext } from '../../src/core/analysis/coverage';
import { coverageTransferables, runCoverage } from '../../src/core/analysis/coverage';
import { benchRules } from './benchRules';

export type BenchWorkerRequest =
  | { type: 'graph'; graph: WalkGraph }
  | { type: 'init'; communities: FeatureCollection; facilities: FeatureCollection }
  | { type: 'run' };

let graph: WalkGraph | null = null;
let ctx: CoverageContext | null = null;

parentPort!.on('message', (msg: BenchWorkerRequest) => {
  if (msg.type === 'graph') {
    graph = msg.graph;
    parentPort!.postMessage({ type: 'ready' });
  } else if (msg.type === 'init' && graph) {
    ctx = prepareCoverage({ communities: msg.communities, facilities: msg.facilities, rules: benchRules, graph });
    parentPort!.postMessage({ type: 'ready' });
  } else if (msg.type === 'run' && ctx) {
    const result = runCoverage(ctx);
    parentPort!.postMessage({ type: 'result', result }, coverageTransferables(result));
  }
});
parentPort!.postMessage({ type: 'booted' });
