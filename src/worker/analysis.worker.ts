/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { coverageTransferables } from '../core/analysis/coverage';
import { AnalysisEngine } from './analysisEngine';
import type { AnalysisWorkerApi } from './protocol';

const engine = new AnalysisEngine();

/** The worker side: a thin comlink facade over AnalysisEngine; results go back as transfers. */
const api: AnalysisWorkerApi = {
  async setData(data) {
    return engine.setData(data);
  },
  async run(rules, settings, onProgress) {
    const t0 = performance.now();
    const answer = await engine.run(rules, settings, onProgress);
    if (!answer) return null;
    const ms = Math.round(performance.now() - t0);
    // The renovation score follows the weight sliders on the main thread (store/selectRenovation,
    // through the same core function). Weights are copied: the prepared context keeps its own.
    const { coverage, parks, parking } = answer;
    const w = answer.weights;
    const weights = { households: w.households.slice(), population: w.population.slice(), populationEstimated: w.populationEstimated.slice(), weightUnknown: w.weightUnknown.slice() };
    // Coverage arrays are fresh per run and move without copying; park and parking results are
    // small and structured-cloned (parts of them stay in the worker for drawing).
    return Comlink.transfer({ coverage, parks, parking, weights, ms }, coverageTransferables(coverage));
  },
  async serviceArea(categoryId) {
    const r = engine.serviceArea(categoryId);
    if (!r) return null;
    const buffers: ArrayBuffer[] = [];
    if (r.edges) buffers.push(r.edges.sourcePositions.buffer as ArrayBuffer, r.edges.targetPositions.buffer as ArrayBuffer, r.edges.sourceDistances.buffer as ArrayBuffer, r.edges.targetDistances.buffer as ArrayBuffer);
    if (r.circles) buffers.push(r.circles.positions.buffer as ArrayBuffer);
    return Comlink.transfer(r, buffers);
  },
  async euclideanStats() {
    return engine.euclideanStats();
  },
  async parkServiceAreas() {
    return engine.parkServiceAreas();
  },
  async route(categoryId, communityIndex) {
    return engine.route(categoryId, communityIndex);
  },
  cancel() {
    engine.cancel();
  },
};

Comlink.expose(api);
